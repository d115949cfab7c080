import { ApiProperty } from '@nestjs/swagger';
import type { ReservationState } from '@voltstream/domain';
import type { ReservationRow } from '@voltstream/read-models';
import { RESERVATION_STATES } from './reservation.dto';

/** A reservation and where it is in its lifecycle (SPEC §9). */
export class ReservationView {
  @ApiProperty({ description: 'handed out by the CSMS: unique, never reused' })
  reservationId: number;

  @ApiProperty()
  chargePointIdentity: string;

  @ApiProperty({ description: '0: any connector' })
  connectorId: number;

  @ApiProperty()
  idTag: string;

  @ApiProperty({ type: String, nullable: true })
  parentIdTag: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ enum: RESERVATION_STATES })
  status: ReservationState;

  @ApiProperty({ type: String, nullable: true, description: "the charge point's answer to ReserveNow: Accepted, Faulted, Occupied, Rejected, Unavailable" })
  answer: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'why it was rejected' })
  reason: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'the transaction that used it' })
  transactionId: number | null;

  @ApiProperty({ type: String, format: 'date-time' })
  requestedAt: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it reached its status' })
  updatedAt: string;
}

/** The charge point's answer to ReserveNow, relayed as it gave it, with the reservation's id. */
export class ReserveAnswerView {
  @ApiProperty()
  reservationId: number;

  @ApiProperty({ example: 'Accepted', description: 'Accepted, Faulted, Occupied, Rejected or Unavailable' })
  status: string;
}

export function toReservationView(row: ReservationRow): ReservationView {
  return {
    reservationId: row.reservationId,
    chargePointIdentity: row.chargePointIdentity,
    connectorId: row.connectorId,
    idTag: row.idTag,
    parentIdTag: row.parentIdTag,
    expiresAt: row.expiresAt.toISOString(),
    status: row.status,
    answer: row.answer,
    reason: row.reason,
    transactionId: row.transactionId,
    requestedAt: row.requestedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
