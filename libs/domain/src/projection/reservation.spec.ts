import { describe, expect, it } from 'vitest';
import { createEvent, type EventOf, type EventType, type VoltstreamEvent } from '@voltstream/contracts';
import { ProjectionBatch } from './batch';

const CP = 'CP-7';
const T0 = Date.parse('2026-03-01T10:00:00Z');
const EXPIRES_AT = '2026-03-01T12:00:00.000Z';
let clock = 0;

function event<T extends EventType>(type: T, data: EventOf<T>['data'], chargePoint = CP): EventOf<T> {
  clock += 1000;
  return createEvent(type, data, chargePoint, new Date(T0 + clock));
}

function given(...events: VoltstreamEvent[]): ProjectionBatch {
  const batch = new ProjectionBatch();
  events.forEach((each, index) => batch.apply(each, index + 1));
  return batch;
}

const requested = (reservationId = 3, parentIdTag?: string) =>
  event('ReservationRequested', { reservationId, connectorId: 1, idTag: 'CARD-1', expiresAt: EXPIRES_AT, ...(parentIdTag ? { parentIdTag } : {}) });
const accepted = (reservationId = 3) => event('ReservationAccepted', { reservationId });
const started = (reservationId?: number, chargePoint = CP) =>
  event(
    'TransactionStarted',
    { transactionId: 41, connectorId: 1, idTag: 'CARD-1', meterStart: 0, timestamp: '2026-03-01T10:30:00Z', authorizationStatus: 'Accepted', tagOwner: null, ...(reservationId ? { reservationId } : {}) },
    chargePoint,
  );

describe('a reservation, projected', () => {
  it('is requested with what the operator asked, before the charge point answers', () => {
    const request = requested(3, 'FLEET');
    expect(given(request).reservation(3)).toEqual({
      reservationId: 3,
      chargePointIdentity: CP,
      connectorId: 1,
      idTag: 'CARD-1',
      parentIdTag: 'FLEET',
      expiresAt: new Date(EXPIRES_AT),
      status: 'requested',
      answer: null,
      reason: null,
      transactionId: null,
      requestedAt: new Date(request.metadata.recordedAt),
      updatedAt: new Date(request.metadata.recordedAt),
    });
  });

  it('is accepted, or rejected with the charge point answer and why', () => {
    expect(given(requested(), accepted()).reservation(3)).toMatchObject({ status: 'accepted', answer: 'Accepted' });
    const rejected = event('ReservationRejected', { reservationId: 3, status: 'Occupied', reason: 'the charge point answered Occupied' });
    expect(given(requested(), rejected).reservation(3)).toMatchObject({ status: 'rejected', answer: 'Occupied', reason: 'the charge point answered Occupied' });
  });

  it('is used by the transaction of its charge point that names it', () => {
    const start = started(3);
    expect(given(requested(), accepted(), start).reservation(3)).toMatchObject({ status: 'used', transactionId: 41, updatedAt: new Date(start.metadata.recordedAt) });
  });

  it('is not used by a transaction of another charge point, nor by one that names no reservation', () => {
    expect(given(requested(), accepted(), started(3, 'CP-OTHER')).reservation(3)).toMatchObject({ status: 'accepted', transactionId: null });
    expect(given(requested(), accepted(), started()).reservation(3)).toMatchObject({ status: 'accepted' });
  });

  it('is cancelled, or expired, while open', () => {
    expect(given(requested(), accepted(), event('ReservationCancelled', { reservationId: 3 })).reservation(3)).toMatchObject({ status: 'cancelled' });
    expect(given(requested(), accepted(), event('ReservationExpired', { reservationId: 3 })).reservation(3)).toMatchObject({ status: 'expired' });
    expect(given(requested(), event('ReservationExpired', { reservationId: 3 })).reservation(3)).toMatchObject({ status: 'expired' });
  });

  it('keeps the first end it reached: a late expiry, a second one, a cancel after use change nothing', () => {
    const used = given(requested(), accepted(), started(3), event('ReservationExpired', { reservationId: 3 }), event('ReservationCancelled', { reservationId: 3 }));
    expect(used.reservation(3)).toMatchObject({ status: 'used', transactionId: 41 });
    const expired = given(requested(), accepted(), event('ReservationExpired', { reservationId: 3 }));
    const row = expired.reservation(3);
    expired.apply(event('ReservationExpired', { reservationId: 3 }), 9);
    expired.apply(started(3), 10);
    expect(expired.reservation(3)).toEqual(row);
  });

  it('is requested once: the same request again leaves it as it is; an answer to an unknown reservation is ignored', () => {
    const batch = given(requested(), accepted());
    batch.apply(requested(), 5);
    expect(batch.reservation(3)).toMatchObject({ status: 'accepted' });
    expect(given(accepted(99)).writes().reservations).toEqual([]);
  });

  it('is no sign of life of its charge point', () => {
    const batch = given(event('HeartbeatReceived', {}));
    const seen = batch.chargePoint(CP)?.lastSeenAt;
    batch.apply(requested(), 2);
    batch.apply(event('ReservationExpired', { reservationId: 3 }), 3);
    expect(batch.chargePoint(CP)?.lastSeenAt).toEqual(seen);
    expect(batch.writes().reservations).toMatchObject([{ reservationId: 3, status: 'expired' }]);
  });
});
