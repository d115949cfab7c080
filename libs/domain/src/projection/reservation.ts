import type { EventOf, ReservationEvent } from '@voltstream/contracts';
import type { ProjectionChange, ProjectionView } from './changes';
import type { ProjectedReservation, ReservationState } from './records';

/** A reservation still to be held by its charge point: the only ones a later event may move on. */
export const OPEN_RESERVATION_STATES: readonly ReservationState[] = ['requested', 'accepted'];

function isOpen(reservation: ProjectedReservation | undefined): reservation is ProjectedReservation {
  return reservation !== undefined && OPEN_RESERVATION_STATES.includes(reservation.status);
}

function requested(identity: string, event: EventOf<'ReservationRequested'>): ProjectedReservation {
  const { reservationId, connectorId, idTag, parentIdTag, expiresAt } = event.data;
  const at = new Date(event.metadata.recordedAt);
  return {
    reservationId,
    chargePointIdentity: identity,
    connectorId,
    idTag,
    parentIdTag: parentIdTag ?? null,
    expiresAt: new Date(expiresAt),
    status: 'requested',
    answer: null,
    reason: null,
    transactionId: null,
    requestedAt: at,
    updatedAt: at,
  };
}

function moved(reservation: ProjectedReservation, event: ReservationEvent): ProjectedReservation {
  const updatedAt = new Date(event.metadata.recordedAt);
  switch (event.type) {
    case 'ReservationRequested':
      return reservation;
    case 'ReservationAccepted':
      return { ...reservation, status: 'accepted', answer: 'Accepted', updatedAt };
    case 'ReservationRejected':
      return { ...reservation, status: 'rejected', answer: event.data.status, reason: event.data.reason, updatedAt };
    case 'ReservationCancelled':
      return { ...reservation, status: 'cancelled', updatedAt };
    case 'ReservationExpired':
      return { ...reservation, status: 'expired', updatedAt };
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

/**
 * A reservation's lifecycle. The first end it reaches in the log is its end: a late answer, a
 * second expiry (several API replicas noticed it) or one sent again changes nothing.
 */
export function reservationChanged(identity: string, event: ReservationEvent, current: ProjectionView): ProjectionChange[] {
  const before = current.reservation(event.data.reservationId);
  if (event.type === 'ReservationRequested') return before ? [] : [{ type: 'reservationSaved', row: requested(identity, event) }];
  if (!isOpen(before) || before.chargePointIdentity !== identity) return [];
  return [{ type: 'reservationSaved', row: moved(before, event) }];
}

/** A StartTransaction that names an open reservation of its own charge point uses it. */
export function reservationUsed(identity: string, event: EventOf<'TransactionStarted'>, current: ProjectionView): ProjectionChange[] {
  const { reservationId, transactionId } = event.data;
  if (reservationId === undefined) return [];
  const before = current.reservation(reservationId);
  if (!isOpen(before) || before.chargePointIdentity !== identity) return [];
  const used: ProjectedReservation = { ...before, status: 'used', transactionId, updatedAt: new Date(event.metadata.recordedAt) };
  return [{ type: 'reservationSaved', row: used }];
}
