import { createEvent, type EventOf } from '@voltstream/contracts';
import { accept, reject, type OperationDecision } from './failure';
import type { CommandResult } from './wallbox-commands';

/** An operator's reservation, with the id the CSMS handed out for it. */
export interface ReserveConnector {
  identity: string;
  reservationId: number;
  /** 0: any connector of the charge point. */
  connectorId: number;
  idTag: string;
  parentIdTag?: string;
  expiresAt: Date;
  at: Date;
}

/** What the CSMS knows of the charge point: the highest connector id it reported, when it reported any. */
export interface ReservationTarget {
  connectors: number | undefined;
}

/**
 * A reservation is requested, and recorded so, before ReserveNow is sent: it must end in the
 * future, on a connector the charge point has (as far as it said; 0 is any of them).
 */
export function decideReservation(command: ReserveConnector, target: ReservationTarget): OperationDecision<EventOf<'ReservationRequested'>> {
  const { identity, reservationId, connectorId, idTag, parentIdTag, expiresAt, at } = command;
  if (expiresAt.getTime() <= at.getTime()) return reject('invalid', `expiresAt must be in the future, after ${at.toISOString()}`);
  if (connectorId < 0) return reject('invalid', 'connectorId must not be negative (0 reserves any connector)');
  if (target.connectors !== undefined && connectorId > target.connectors) {
    return reject('invalid', `connectorId ${connectorId} is unknown: charge point ${identity} reported connectors 1 to ${target.connectors}`);
  }
  const data = { reservationId, connectorId, idTag, expiresAt: expiresAt.toISOString(), ...(parentIdTag === undefined ? {} : { parentIdTag }) };
  return accept(createEvent('ReservationRequested', data, identity, at));
}

type ReservationAnswer = EventOf<'ReservationAccepted'> | EventOf<'ReservationRejected'>;

/**
 * What the answer to ReserveNow makes of the reservation. No answer in time, or one the gateway
 * could not read, records nothing: the charge point may hold the reservation, which stays
 * requested until it expires by itself.
 */
export function reservationAnswered(identity: string, reservationId: number, result: CommandResult, at: Date): ReservationAnswer | undefined {
  if (result.ok) {
    const status = String(result.payload.status);
    if (status === 'Accepted') return createEvent('ReservationAccepted', { reservationId }, identity, at);
    return createEvent('ReservationRejected', { reservationId, status, reason: `charge point ${identity} answered ${status}` }, identity, at);
  }
  const { failure } = result;
  switch (failure.kind) {
    case 'offline':
    case 'callError':
    case 'invalid':
      return createEvent('ReservationRejected', { reservationId, status: null, reason: failure.message }, identity, at);
    default:
      return undefined;
  }
}

/** A CancelReservation the charge point accepted ends the reservation; any other answer leaves it as it was. */
export function cancellationAnswered(identity: string, reservationId: number, result: CommandResult, at: Date): EventOf<'ReservationCancelled'> | undefined {
  if (!result.ok || result.payload.status !== 'Accepted') return undefined;
  return createEvent('ReservationCancelled', { reservationId }, identity, at);
}
