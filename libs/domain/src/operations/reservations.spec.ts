import { describe, expect, it } from 'vitest';
import { cancellationAnswered, decideReservation, reservationAnswered, toWallboxCommand, type ReserveConnector } from './index';

const at = new Date('2026-02-01T10:00:00Z');
const expiresAt = new Date('2026-02-01T11:00:00Z');
const reserve = (changes: Partial<ReserveConnector> = {}): ReserveConnector => ({
  identity: 'CP1',
  reservationId: 12,
  connectorId: 1,
  idTag: 'CARD1',
  expiresAt,
  at,
  ...changes,
});

describe('decideReservation', () => {
  it('given a charge point with two connectors, when connector 2 is reserved until later, then the reservation is requested', () => {
    expect(decideReservation(reserve({ connectorId: 2, parentIdTag: 'FLEET' }), { connectors: 2 })).toEqual({
      ok: true,
      events: [
        {
          type: 'ReservationRequested',
          version: 1,
          data: { reservationId: 12, connectorId: 2, idTag: 'CARD1', parentIdTag: 'FLEET', expiresAt: expiresAt.toISOString() },
          metadata: { chargePoint: 'CP1', recordedAt: at.toISOString() },
        },
      ],
    });
  });

  it('given a charge point that reported no connector yet, when any connector id is reserved, then the wallbox decides', () => {
    expect(decideReservation(reserve({ connectorId: 0 }), { connectors: undefined }).ok).toBe(true);
    expect(decideReservation(reserve({ connectorId: 5 }), { connectors: undefined }).ok).toBe(true);
  });

  it('when the reservation ends now or earlier, then it is refused naming expiresAt', () => {
    for (const end of [at, new Date(at.getTime() - 1)]) {
      expect(decideReservation(reserve({ expiresAt: end }), { connectors: 2 })).toEqual({
        ok: false,
        failure: { kind: 'invalid', message: expect.stringMatching(/^expiresAt must be in the future/) },
      });
    }
  });

  it('when the connector is beyond those reported, or negative, then it is refused naming connectorId', () => {
    expect(decideReservation(reserve({ connectorId: 3 }), { connectors: 2 })).toMatchObject({ ok: false, failure: { kind: 'invalid', message: expect.stringMatching(/^connectorId 3 is unknown/) } });
    expect(decideReservation(reserve({ connectorId: -1 }), { connectors: undefined })).toMatchObject({ ok: false, failure: { kind: 'invalid', message: expect.stringMatching(/^connectorId must not be negative/) } });
  });
});

describe('the answer to ReserveNow', () => {
  it('Accepted accepts the reservation; any other status rejects it with that status', () => {
    expect(reservationAnswered('CP1', 12, { ok: true, payload: { status: 'Accepted' } }, at)).toMatchObject({ type: 'ReservationAccepted', data: { reservationId: 12 } });
    for (const status of ['Faulted', 'Occupied', 'Rejected', 'Unavailable']) {
      expect(reservationAnswered('CP1', 12, { ok: true, payload: { status } }, at)).toMatchObject({
        type: 'ReservationRejected',
        data: { reservationId: 12, status, reason: `charge point CP1 answered ${status}` },
      });
    }
  });

  it('a request the wallbox never got (offline, CALLERROR) rejects it without a status', () => {
    const offline = { ok: false as const, failure: { kind: 'offline' as const, message: 'charge point CP1 is offline' } };
    expect(reservationAnswered('CP1', 12, offline, at)).toMatchObject({ type: 'ReservationRejected', data: { reservationId: 12, status: null, reason: 'charge point CP1 is offline' } });
  });

  it('no answer in time leaves it requested: the wallbox may hold it', () => {
    expect(reservationAnswered('CP1', 12, { ok: false, failure: { kind: 'timeout', message: 'late' } }, at)).toBeUndefined();
  });
});

describe('the answer to CancelReservation', () => {
  it('Accepted cancels the reservation; Rejected leaves it as it was', () => {
    expect(cancellationAnswered('CP1', 12, { ok: true, payload: { status: 'Accepted' } }, at)).toMatchObject({ type: 'ReservationCancelled', data: { reservationId: 12 } });
    expect(cancellationAnswered('CP1', 12, { ok: true, payload: { status: 'Rejected' } }, at)).toBeUndefined();
  });
});

describe('the OCPP calls', () => {
  it('ReserveNow carries the id the CSMS handed out and the expiry as expiryDate; CancelReservation the id', () => {
    expect(toWallboxCommand({ type: 'reserveNow', reservationId: 12, connectorId: 0, idTag: 'CARD1', expiresAt })).toEqual({
      action: 'ReserveNow',
      payload: { connectorId: 0, expiryDate: expiresAt.toISOString(), idTag: 'CARD1', reservationId: 12 },
    });
    expect(toWallboxCommand({ type: 'cancelReservation', reservationId: 12 })).toEqual({ action: 'CancelReservation', payload: { reservationId: 12 } });
  });
});
