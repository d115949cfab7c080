import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A DataTransfer a wallbox sent to the CSMS, as it came, with what the gateway answered. */
@Entity({ name: 'data_transfers' })
@Index('data_transfers_charge_point', ['chargePointIdentity', 'id'])
export class DataTransferRow {
  /** The sequence of its event in the log: it orders the list, and one projected again is stored once. */
  @PrimaryColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'charge_point_identity', type: 'varchar', length: 48 })
  chargePointIdentity: string;

  @Column({ name: 'vendor_id', type: 'text' })
  vendorId: string;

  @Column({ name: 'message_id', type: 'text', nullable: true })
  messageId: string | null;

  @Column({ type: 'text', nullable: true })
  data: string | null;

  /** Accepted or UnknownVendorId. */
  @Column({ type: 'varchar', length: 20 })
  status: string;

  /** When the CSMS recorded it (event metadata.recordedAt). */
  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
