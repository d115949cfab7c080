import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MeterValue, TagOwner } from '@voltstream/contracts';

/** One charging session; `known` is false for a stop of a transaction the CSMS never saw started. */
@Entity({ name: 'transactions' })
@Index('transactions_charge_point', ['chargePointIdentity', 'transactionId'])
export class TransactionRow {
  @PrimaryColumn({ name: 'transaction_id', type: 'integer' })
  transactionId: number;

  @Column({ name: 'charge_point_identity', type: 'varchar', length: 48 })
  chargePointIdentity: string;

  /** Null only for an unknown-transaction stop: StopTransaction names no connector. */
  @Column({ name: 'connector_id', type: 'integer', nullable: true })
  connectorId: number | null;

  @Column({ name: 'id_tag', type: 'varchar', length: 20, nullable: true })
  idTag: string | null;

  @Column({ name: 'tag_owner', type: 'jsonb', nullable: true })
  tagOwner: TagOwner | null;

  @Column({ name: 'authorization_status', type: 'varchar', length: 16, nullable: true })
  authorizationStatus: string | null;

  @Column({ name: 'meter_start', type: 'integer', nullable: true })
  meterStart: number | null;

  @Column({ name: 'meter_end', type: 'integer', nullable: true })
  meterEnd: number | null;

  /** Wh: live while charging (latest register reading − meterStart), final after the stop. */
  @Column({ type: 'integer', default: 0 })
  consumption: number;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'stopped_at', type: 'timestamptz', nullable: true })
  stoppedAt: Date | null;

  @Column({ name: 'stop_reason', type: 'text', nullable: true })
  stopReason: string | null;

  @Column({ name: 'transaction_data', type: 'jsonb', nullable: true })
  transactionData: MeterValue[] | null;

  @Column({ type: 'boolean', default: true })
  known: boolean;
}
