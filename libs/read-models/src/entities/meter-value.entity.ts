import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/**
 * One sampled value of a wallbox's meter, kept as history per connector. `orderedAt` is the
 * wallbox's timestamp when plausible, else the moment the CSMS received it. The unique key
 * (NULLS NOT DISTINCT) stores a sample sent again once; it leads with (chargePointIdentity,
 * connectorId, orderedAt), so it is also the index for time ranges.
 */
@Entity({ name: 'meter_values' })
@Unique('meter_values_sample', ['chargePointIdentity', 'connectorId', 'orderedAt', 'measurand', 'phase', 'location', 'context'])
@Index('meter_values_transaction', ['transactionId'])
export class MeterValueRow {
  /** Its place in the event log: event sequence × 65,536 + its index in the event. */
  @PrimaryColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'charge_point_identity', type: 'varchar', length: 48 })
  chargePointIdentity: string;

  /** 0 when the connector is not known (transaction data of an unknown-transaction stop). */
  @Column({ name: 'connector_id', type: 'integer' })
  connectorId: number;

  @Column({ name: 'transaction_id', type: 'integer', nullable: true })
  transactionId: number | null;

  /** The wallbox's own timestamp. */
  @Column({ type: 'timestamptz' })
  timestamp: Date;

  /** When the CSMS recorded the message (event metadata.recordedAt). */
  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  /** false when the wallbox's timestamp lies before 2010 or more than a day after receipt. */
  @Column({ name: 'timestamp_plausible', type: 'boolean' })
  timestampPlausible: boolean;

  @Column({ name: 'ordered_at', type: 'timestamptz' })
  orderedAt: Date;

  @Column({ type: 'text' })
  measurand: string;

  /** Null when the wallbox sent no number (e.g. format SignedData). */
  @Column({ type: 'double precision', nullable: true })
  value: number | null;

  @Column({ type: 'text', nullable: true })
  unit: string | null;

  @Column({ type: 'text', nullable: true })
  phase: string | null;

  @Column({ type: 'text', nullable: true })
  context: string | null;

  @Column({ type: 'text', nullable: true })
  location: string | null;

  @Column({ type: 'text', nullable: true })
  format: string | null;
}
