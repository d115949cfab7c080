import { Column, Entity, PrimaryColumn } from 'typeorm';

export const PARKED_EVENT_STATES = ['parked', 'resolved'] as const;
export type ParkedEventState = (typeof PARKED_EVENT_STATES)[number];

const bigintNumber = { to: (value: number) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

/**
 * An event that a consumer could not apply after its tries, and skipped: the dead letters of
 * every consumer of the event log. The projection writes its own in the statement that moves its
 * checkpoint past the event, so a replay parks the same events (and leaves these rows as they are).
 */
@Entity({ name: 'parked_events' })
export class ParkedEventRow {
  @Column({ type: 'bigint', generated: 'increment', transformer: bigintNumber })
  id: number;

  /** The consumer that parked it: its durable consumer or checkpoint name. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  consumer: string;

  /** Its place in the event log. */
  @PrimaryColumn({ type: 'bigint', transformer: bigintNumber })
  sequence: number;

  /** Null when the event could not be read at all. */
  @Column({ name: 'event_type', type: 'varchar', length: 64, nullable: true })
  eventType: string | null;

  @Column({ name: 'charge_point', type: 'text', nullable: true })
  chargePoint: string | null;

  @Column({ type: 'text' })
  error: string;

  @Column({ type: 'integer' })
  attempts: number;

  @Column({ name: 'parked_at', type: 'timestamptz' })
  parkedAt: Date;

  /** `resolved` once a retry applied it. */
  @Column({ type: 'varchar', length: 16 })
  state: ParkedEventState;

  @Column({ type: 'integer', default: 0 })
  retries: number;

  @Column({ name: 'retried_at', type: 'timestamptz', nullable: true })
  retriedAt: Date | null;

  /** Why the last retry failed; null when none did. */
  @Column({ name: 'retry_error', type: 'text', nullable: true })
  retryError: string | null;
}
