import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ReservationState } from '@voltstream/domain';

/** One reservation (OCPP 1.6 ReserveNow), its id handed out by the CSMS, and where it is in its lifecycle. */
@Entity({ name: 'reservations' })
@Index('reservations_charge_point', ['chargePointIdentity', 'reservationId'])
export class ReservationRow {
  @PrimaryColumn({ name: 'reservation_id', type: 'integer' })
  reservationId: number;

  @Column({ name: 'charge_point_identity', type: 'varchar', length: 48 })
  chargePointIdentity: string;

  @Column({ name: 'connector_id', type: 'integer' })
  connectorId: number;

  @Column({ name: 'id_tag', type: 'varchar', length: 20 })
  idTag: string;

  @Column({ name: 'parent_id_tag', type: 'varchar', length: 20, nullable: true })
  parentIdTag: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'varchar', length: 16 })
  status: ReservationState;

  @Column({ type: 'varchar', length: 16, nullable: true })
  answer: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'transaction_id', type: 'integer', nullable: true })
  transactionId: number | null;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
