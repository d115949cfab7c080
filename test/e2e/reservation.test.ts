import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorReservedError, type CsmsCall, type SimulatedChargePoint } from '@voltstream/simulator';
import { RawWallbox } from './support/raw-wallbox';
import { startSystem, type System } from './support/system';
import type { ErrorBody, TransactionView } from './support/views';
import { adoptedWallbox, chargePoint, connector, eventually, SLOW_MS } from './support/wallboxes';

const IDENTITY = 'RESERVE-1';
const CALL_TIMEOUT_S = 2;

interface ReserveAnswer {
  reservationId: number;
  status: string;
}

interface ReservationView {
  reservationId: number;
  chargePointIdentity: string;
  connectorId: number;
  idTag: string;
  parentIdTag: string | null;
  expiresAt: string;
  status: string;
  answer: string | null;
  reason: string | null;
  transactionId: number | null;
}

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

describe('reservations (end to end, SPEC §9, OCPP 1.6 Reservation profile)', () => {
  let system: System;
  let wallbox: SimulatedChargePoint;
  const calls: CsmsCall[] = [];
  const handedOut: number[] = [];

  const reserve = async (body: object, identity = IDENTITY) => {
    const answer = await system.api<ReserveAnswer & ErrorBody>(`/api/charge-points/${identity}/reservations`, { method: 'POST', body });
    if (answer.status === 200) handedOut.push(answer.body.reservationId);
    return answer;
  };
  const reservation = async (id: number) => (await system.api<ReservationView>(`/api/reservations/${id}`)).body;
  const cancel = (id: number | string) => system.api<{ status: string } & ErrorBody>(`/api/reservations/${id}`, { method: 'DELETE' });
  const transactionOf = async (id: number) => (await system.api<TransactionView>(`/api/transactions/${id}`)).body;
  const lastCall = (action: string) => calls.filter((call) => call.action === action).at(-1);

  beforeAll(async () => {
    system = await startSystem({ OCPP_CALL_TIMEOUT: String(CALL_TIMEOUT_S) });
    for (const [idTag, parentIdTag] of [['DRIVER-1', null], ['DRIVER-2', null], ['OTHER-1', null], ['FLEET-MEMBER', 'FLEET-9']]) {
      expect((await system.api(`/api/tags/${idTag}`, { method: 'PUT', body: { parentIdTag } })).status).toBeLessThan(300);
    }
    wallbox = await adoptedWallbox(system, IDENTITY, { startMode: 'centralList' });
    wallbox.on('call', (call) => calls.push(call));
  });
  afterAll(async () => {
    await wallbox?.close();
    await system?.stop();
  });

  // The reservation is marked used only by a StartTransaction that names it (its reservationId).
  it('TC_046: a reserved connector is Reserved, refused to another tag, and used by the reserving tag, whose transaction names it', async () => {
    const expiresAt = inMinutes(10);
    const reserved = await reserve({ connectorId: 1, idTag: 'DRIVER-1', expiresAt });
    expect(reserved).toEqual({ status: 200, body: { reservationId: expect.any(Number), status: 'Accepted' } });
    const { reservationId } = reserved.body;
    expect(lastCall('ReserveNow')?.payload).toEqual({ connectorId: 1, expiryDate: expiresAt, idTag: 'DRIVER-1', reservationId });
    await expect.poll(() => connector(system, IDENTITY, 1), { timeout: SLOW_MS }).toMatchObject({ status: 'Reserved' });
    await expect.poll(() => reservation(reservationId), { timeout: SLOW_MS }).toMatchObject({ status: 'accepted', answer: 'Accepted', connectorId: 1, idTag: 'DRIVER-1', expiresAt });

    await expect(wallbox.startTransaction(1, 'OTHER-1', wallbox.meterOf(1))).rejects.toBeInstanceOf(ConnectorReservedError);
    expect((await wallbox.authorize('DRIVER-1')).idTagInfo.status).toBe('Accepted');
    const started = await wallbox.beginTransaction(1, 'DRIVER-1');
    await expect.poll(() => reservation(reservationId), { timeout: SLOW_MS }).toMatchObject({ status: 'used', transactionId: started.transactionId });
    expect(await transactionOf(started.transactionId)).toMatchObject({ idTag: 'DRIVER-1', connectorId: 1 });
    await wallbox.finishTransaction(1);
    await expect.poll(() => connector(system, IDENTITY, 1), { timeout: SLOW_MS }).toMatchObject({ status: 'Available', transaction: false });
  });

  it('TC_049: a reservation of connector 0 is used by its tag on any connector', async () => {
    const reserved = await reserve({ connectorId: 0, idTag: 'DRIVER-2', expiresAt: inMinutes(10) });
    expect(reserved.body.status).toBe('Accepted');
    await expect.poll(() => reservation(reserved.body.reservationId), { timeout: SLOW_MS }).toMatchObject({ status: 'accepted', connectorId: 0 });
    const started = await wallbox.beginTransaction(2, 'DRIVER-2');
    await expect.poll(() => reservation(reserved.body.reservationId), { timeout: SLOW_MS }).toMatchObject({ status: 'used', transactionId: started.transactionId });
    await wallbox.finishTransaction(2);
  });

  it('TC_053: a tag whose parent (as Authorize answered it) is the reservation’s parentIdTag uses the reservation', async () => {
    const reserved = await reserve({ connectorId: 1, idTag: 'DRIVER-1', parentIdTag: 'FLEET-9', expiresAt: inMinutes(10) });
    expect(reserved.body.status).toBe('Accepted');
    expect(lastCall('ReserveNow')?.payload).toMatchObject({ parentIdTag: 'FLEET-9' });
    await expect.poll(() => connector(system, IDENTITY, 1), { timeout: SLOW_MS }).toMatchObject({ status: 'Reserved' });
    expect((await wallbox.authorize('FLEET-MEMBER')).idTagInfo).toEqual({ status: 'Accepted', parentIdTag: 'FLEET-9' });
    const started = await wallbox.beginTransaction(1, 'FLEET-MEMBER');
    expect(started.idTagInfo.status).toBe('Accepted');
    await expect.poll(() => reservation(reserved.body.reservationId), { timeout: SLOW_MS }).toMatchObject({ status: 'used', transactionId: started.transactionId });
    expect(await transactionOf(started.transactionId)).toMatchObject({ idTag: 'FLEET-MEMBER' });
    await wallbox.finishTransaction(1);
    await expect.poll(() => connector(system, IDENTITY, 1), { timeout: SLOW_MS }).toMatchObject({ status: 'Available' });
  });

  describe('cancelling', () => {
    let reservationId: number;

    it('TC_051: a reservation cancelled through the API is Accepted by the wallbox, which frees the connector', async () => {
      reservationId = (await reserve({ connectorId: 2, idTag: 'DRIVER-2', expiresAt: inMinutes(10) })).body.reservationId;
      await expect.poll(() => connector(system, IDENTITY, 2), { timeout: SLOW_MS }).toMatchObject({ status: 'Reserved' });
      expect(await cancel(reservationId)).toEqual({ status: 200, body: { status: 'Accepted' } });
      expect(lastCall('CancelReservation')?.payload).toEqual({ reservationId });
      await expect.poll(() => connector(system, IDENTITY, 2), { timeout: SLOW_MS }).toMatchObject({ status: 'Available' });
      await expect.poll(() => reservation(reservationId), { timeout: SLOW_MS }).toMatchObject({ status: 'cancelled' });
    });

    it('TC_052: cancelling a reservation the wallbox no longer holds relays its Rejected; the reservation stays cancelled', async () => {
      expect(await cancel(reservationId)).toEqual({ status: 200, body: { status: 'Rejected' } });
      expect(await reservation(reservationId)).toMatchObject({ status: 'cancelled' });
    });
  });

  it('TC_047: a reservation not used by its expiry ends by itself: the connector is Available, the reservation expired', async () => {
    const reserved = await reserve({ connectorId: 2, idTag: 'DRIVER-2', expiresAt: new Date(Date.now() + 2000).toISOString() });
    expect(reserved.body.status).toBe('Accepted');
    await expect.poll(() => reservation(reserved.body.reservationId), { timeout: SLOW_MS }).toMatchObject({ status: 'expired' });
    await expect.poll(() => connector(system, IDENTITY, 2), { timeout: SLOW_MS }).toMatchObject({ status: 'Available' });
    expect(wallbox.reservation(reserved.body.reservationId)).toBeUndefined();
  });

  describe('refusals, relayed with HTTP 200 and recorded as rejected with the answer', () => {
    const refused = async (connectorId: number, answer: string, idTag = 'DRIVER-2', identity = IDENTITY) => {
      const reserved = await reserve({ connectorId, idTag, expiresAt: inMinutes(10) }, identity);
      expect(reserved).toEqual({ status: 200, body: { reservationId: expect.any(Number), status: answer } });
      await expect
        .poll(() => reservation(reserved.body.reservationId), { timeout: SLOW_MS })
        .toMatchObject({ status: 'rejected', answer, reason: `charge point ${identity} answered ${answer}` });
    };

    it('TC_048_1: Faulted, for a faulted connector', async () => {
      await wallbox.statusNotification(2, 'Faulted', 'GroundFailure');
      await refused(2, 'Faulted');
      await wallbox.statusNotification(2, 'Available');
    });

    it('TC_048_2: Occupied, for a connector that is charging', async () => {
      await wallbox.beginTransaction(1, 'DRIVER-1');
      await refused(1, 'Occupied');
      await wallbox.finishTransaction(1);
    });

    it('TC_048_3: Unavailable, for a connector switched unavailable', async () => {
      expect((await system.api(`/api/charge-points/${IDENTITY}/connectors/2/availability`, { method: 'POST', body: { available: false } })).status).toBe(200);
      await eventually(async () => expect(wallbox.connectorStatus(2)).toBe('Unavailable'));
      await refused(2, 'Unavailable');
      expect((await system.api(`/api/charge-points/${IDENTITY}/connectors/2/availability`, { method: 'POST', body: { available: true } })).status).toBe(200);
    });

    it('TC_048_4: Rejected, by a wallbox configured not to take reservations', async () => {
      const unreservable = await adoptedWallbox(system, 'RESERVE-NONE', { startMode: 'centralList' }, { reservations: false });
      try {
        await refused(1, 'Rejected', 'DRIVER-1', 'RESERVE-NONE');
      } finally {
        await unreservable.close();
      }
    });
  });

  it('lists reservations newest first, by charge point and open or ended; every id handed out once, increasing', async () => {
    const open = await reserve({ connectorId: 2, idTag: 'DRIVER-2', expiresAt: inMinutes(10) });
    await expect.poll(() => reservation(open.body.reservationId), { timeout: SLOW_MS }).toMatchObject({ status: 'accepted' });
    const all = (await system.api<ReservationView[]>(`/api/reservations?chargePoint=${IDENTITY}`)).body;
    expect(all.map((each) => each.reservationId)).toEqual([...all.map((each) => each.reservationId)].sort((a, b) => b - a));
    expect(new Set(handedOut).size).toBe(handedOut.length);
    expect(handedOut).toEqual([...handedOut].sort((a, b) => a - b));
    const active = (await system.api<ReservationView[]>(`/api/reservations?chargePoint=${IDENTITY}&active=true`)).body;
    expect(active.map((each) => each.reservationId)).toEqual([open.body.reservationId]);
    const ended = (await system.api<ReservationView[]>(`/api/reservations?active=false&status=used`)).body;
    expect(ended.map((each) => each.status)).toEqual(['used', 'used', 'used']);
    expect(await cancel(open.body.reservationId)).toEqual({ status: 200, body: { status: 'Accepted' } });
  });

  it('GraphQL: reserveNow and cancelReservation relay the answers; reservations and reservation read them', async () => {
    const graphql = async <T>(query: string) => (await system.api<{ data: T; errors?: unknown[] }>('/graphql', { method: 'POST', body: { query } })).body;
    const reserved = await graphql<{ reserveNow: ReserveAnswer }>(
      `mutation { reserveNow(identity: "${IDENTITY}", connectorId: 1, idTag: "DRIVER-1", expiresAt: "${inMinutes(10)}") { reservationId status } }`,
    );
    expect(reserved.data.reserveNow).toEqual({ reservationId: expect.any(Number), status: 'Accepted' });
    const id = reserved.data.reserveNow.reservationId;
    await eventually(async () => {
      const read = await graphql<{ reservations: { reservationId: number; status: string }[] }>(`{ reservations(chargePoint: "${IDENTITY}", active: true) { reservationId status } }`);
      expect(read.data.reservations).toEqual([{ reservationId: id, status: 'accepted' }]);
    });
    const cancelled = await graphql<{ cancelReservation: { status: string } }>(`mutation { cancelReservation(id: ${id}) { status } }`);
    expect(cancelled.data.cancelReservation).toEqual({ status: 'Accepted' });
    await eventually(async () => expect((await graphql<{ reservation: { status: string } }>(`{ reservation(id: ${id}) { status } }`)).data.reservation).toEqual({ status: 'cancelled' }));
    const cancelledOnes = await graphql<{ reservations: { reservationId: number }[] }>(`{ reservations(chargePoint: "${IDENTITY}", status: cancelled) { reservationId } }`);
    expect(cancelledOnes.data.reservations.map((each) => each.reservationId)).toContain(id);
    const pastExpiry = await graphql<unknown>(`mutation { reserveNow(identity: "${IDENTITY}", connectorId: 1, idTag: "DRIVER-1", expiresAt: "2020-01-01T00:00:00Z") { reservationId } }`);
    expect(JSON.stringify(pastExpiry.errors)).toContain('expiresAt');
  });

  describe('bad input', () => {
    const messages = async (body: object) => {
      const answer = await reserve(body);
      expect(answer.status).toBe(400);
      return String(answer.body.message);
    };

    it('a reservation that ends now or in the past is 400 naming expiresAt, and reaches no wallbox', async () => {
      const before = calls.length;
      expect(await messages({ connectorId: 1, idTag: 'DRIVER-1', expiresAt: new Date(Date.now() - 1000).toISOString() })).toMatch(/^expiresAt must be in the future/);
      expect(await messages({ connectorId: 1, idTag: 'DRIVER-1', expiresAt: 'tomorrow' })).toContain('expiresAt');
      expect(calls.length).toBe(before);
    });

    it('a connector the wallbox did not report, or a negative one, is 400 naming connectorId', async () => {
      expect(await messages({ connectorId: 3, idTag: 'DRIVER-1', expiresAt: inMinutes(10) })).toContain(`connectorId 3 is unknown: charge point ${IDENTITY} reported connectors 1 to 2`);
      expect(await messages({ connectorId: -1, idTag: 'DRIVER-1', expiresAt: inMinutes(10) })).toContain('connectorId');
      expect(await messages({ connectorId: 2 ** 31, idTag: 'DRIVER-1', expiresAt: inMinutes(10) })).toContain('connectorId');
    });

    it('a missing or overlong id tag is 400 naming idTag; parentIdTag likewise', async () => {
      expect(await messages({ connectorId: 1, expiresAt: inMinutes(10) })).toContain('idTag');
      expect(await messages({ connectorId: 1, idTag: 'X'.repeat(21), expiresAt: inMinutes(10) })).toContain('idTag');
      expect(await messages({ connectorId: 1, idTag: 'DRIVER-1', parentIdTag: '', expiresAt: inMinutes(10) })).toContain('parentIdTag');
    });

    it('reservation ids that are not positive 32-bit integers are 400; an unknown one is 404; an unknown charge point 404', async () => {
      for (const id of ['abc', '0', '-4', String(2 ** 31)]) expect((await cancel(id)).status).toBe(400);
      expect((await cancel(2 ** 31 - 1)).status).toBe(404);
      expect((await system.api('/api/reservations/123456789')).status).toBe(404);
      expect((await system.api('/api/reservations?active=maybe')).status).toBe(400);
      expect((await reserve({ connectorId: 1, idTag: 'DRIVER-1', expiresAt: inMinutes(10) }, 'NO-SUCH-CP')).status).toBe(404);
    });

    it('a wallbox that does not answer in time is 504: the reservation, recorded before the call, stays requested and expires by itself', async () => {
      const mute = await RawWallbox.connect(system.services.ocppUrl, 'RESERVE-MUTE');
      try {
        await eventually(async () => expect((await chargePoint(system, 'RESERVE-MUTE')).online).toBe(true));
        const answer = await reserve({ connectorId: 1, idTag: 'DRIVER-1', expiresAt: new Date(Date.now() + (CALL_TIMEOUT_S + 4) * 1000).toISOString() }, 'RESERVE-MUTE');
        expect(answer.status).toBe(504);
        expect(mute.received.some((frame) => frame[0] === 2 && frame[2] === 'ReserveNow')).toBe(true);
        const recorded = await eventually(async () => {
          const [listed] = (await system.api<ReservationView[]>('/api/reservations?chargePoint=RESERVE-MUTE')).body;
          expect(listed).toMatchObject({ status: 'requested', answer: null });
          return listed as ReservationView;
        });
        await expect.poll(() => reservation(recorded.reservationId), { timeout: SLOW_MS }).toMatchObject({ status: 'expired' });
      } finally {
        await mute.close();
      }
    });

    it('a wallbox that is offline is 409, and the reservation is recorded rejected without an answer', async () => {
      const parked = await adoptedWallbox(system, 'RESERVE-OFF', { startMode: 'centralList' });
      await parked.close();
      await eventually(async () => expect((await system.api<{ online: boolean }>('/api/charge-points/RESERVE-OFF')).body.online).toBe(false));
      const answer = await reserve({ connectorId: 1, idTag: 'DRIVER-1', expiresAt: inMinutes(10) }, 'RESERVE-OFF');
      expect(answer.status).toBe(409);
      await eventually(async () => {
        const listed = (await system.api<ReservationView[]>('/api/reservations?chargePoint=RESERVE-OFF')).body;
        expect(listed).toMatchObject([{ status: 'rejected', answer: null, reason: 'charge point RESERVE-OFF is offline' }]);
      });
    });
  });
});
