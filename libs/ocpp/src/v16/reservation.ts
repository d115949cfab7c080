import {
  CANCEL_RESERVATION_STATUSES,
  RESERVATION_STATUSES,
  type CancelReservationStatus,
  type ReservationStatus,
} from './enums';
import { dateTime, integer, oneOf, Optional, Required } from './fields';
import { ID_TOKEN } from './types';

/** Reservation profile. */

export class ReserveNowRequest {
  /** 0: reserve any connector of the charge point. */
  @Required(integer) connectorId: number;
  @Required(dateTime) expiryDate: string;
  @Required(ID_TOKEN) idTag: string;
  @Optional(ID_TOKEN) parentIdTag?: string;
  @Required(integer) reservationId: number;
}

export class ReserveNowConfirmation {
  @Required(oneOf(RESERVATION_STATUSES)) status: ReservationStatus;
}

export class CancelReservationRequest {
  @Required(integer) reservationId: number;
}

export class CancelReservationConfirmation {
  @Required(oneOf(CANCEL_RESERVATION_STATUSES)) status: CancelReservationStatus;
}
