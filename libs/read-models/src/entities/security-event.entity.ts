import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A SecurityEventNotification a wallbox sent (security whitepaper), as it came. */
@Entity({ name: 'security_events' })
@Index('security_events_charge_point', ['chargePointIdentity', 'id'])
export class SecurityEventRow {
  /** The sequence of its event in the log: it orders the list, and one projected again is stored once. */
  @PrimaryColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'charge_point_identity', type: 'varchar', length: 48 })
  chargePointIdentity: string;

  /** The whitepaper's event type (FirmwareUpdated, InvalidFirmwareSignature, …) or the vendor's own. */
  @Column({ type: 'varchar', length: 50 })
  type: string;

  /** When it happened, by the wallbox's clock. */
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'tech_info', type: 'text', nullable: true })
  techInfo: string | null;

  /** When the CSMS recorded it (event metadata.recordedAt). */
  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
