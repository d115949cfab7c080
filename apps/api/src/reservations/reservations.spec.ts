import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '@voltstream/contracts';
import { followEvents } from '@voltstream/nats';
import { startTestApi, type TestApi } from '../../test-support/api-harness';
import { startApi, type RunningApi } from '../api';

const IDENTITY = 'CP-RES';

describe('reservations across API replicas (real NATS and Postgres)', () => {
  let t: TestApi;
  let replica: RunningApi;
  const onReplica = (method: string, path: string, body?: unknown) =>
    fetch(`http://127.0.0.1:${replica.port}${path}`, {
      method,
      headers: { authorization: `Bearer ${replica.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const reservations = async () => (await t.request('GET', `/api/reservations?chargePoint=${IDENTITY}&limit=500`)).body as { reservationId: number; status: string; reason: string | null }[];

  beforeAll(async () => {
    t = await startTestApi({ projection: true });
    replica = await startApi(t.config);
    // Seen, so known to the API; never connected, so offline.
    await t.record(createEvent('HeartbeatReceived', {}, IDENTITY, new Date()));
  });
  afterAll(async () => {
    await replica?.close();
    await t?.close();
  });

  it('hands out ids unique across replicas, increasing after a restart; a reservation for an offline wallbox is recorded rejected', async () => {
    const body = { connectorId: 1, idTag: 'CARD-1', expiresAt: new Date(Date.now() + 3_600_000).toISOString() };
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        index % 2 === 0 ? t.request('POST', `/api/charge-points/${IDENTITY}/reservations`, { body }) : onReplica('POST', `/api/charge-points/${IDENTITY}/reservations`, body),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 10 }, () => 409));
    const offline = { status: 'rejected', reason: `charge point ${IDENTITY} is offline` };
    await expect.poll(reservations, { timeout: 10_000 }).toMatchObject(Array.from({ length: 10 }, () => offline));
    expect(new Set((await reservations()).map((each) => each.reservationId)).size).toBe(10);

    await replica.close();
    replica = await startApi(t.config);
    expect((await onReplica('POST', `/api/charge-points/${IDENTITY}/reservations`, body)).status).toBe(409);
    await expect.poll(async () => (await reservations()).length, { timeout: 10_000 }).toBe(11);
    const [newest, ...older] = await reservations();
    expect(newest?.reservationId).toBeGreaterThan(Math.max(...older.map((each) => each.reservationId)));
  });

  it('records an expiry once, however many replicas notice it, and leaves open reservations alone until theirs', async () => {
    const now = Date.now();
    const requested = (reservationId: number, expiresInMs: number) =>
      createEvent('ReservationRequested', { reservationId, connectorId: 1, idTag: 'CARD-1', expiresAt: new Date(now + expiresInMs).toISOString() }, IDENTITY, new Date(now));
    await t.record(requested(900_001, 500));
    await t.record(createEvent('ReservationAccepted', { reservationId: 900_001 }, IDENTITY, new Date(now)));
    await t.record(requested(900_002, 3_600_000));
    await t.record(createEvent('ReservationAccepted', { reservationId: 900_002 }, IDENTITY, new Date(now)));

    const status = async (id: number) => (await t.request('GET', `/api/reservations/${id}`)).body.status as string;
    await expect.poll(() => status(900_001), { timeout: 10_000 }).toBe('expired');
    expect(await status(900_002)).toBe('accepted');

    const expiries: number[] = [];
    const follower = await followEvents(t.nc, t.subjects.eventsStream, t.subjects.event('station', IDENTITY, 'ReservationExpired'), ({ event }) => {
      if (event.type === 'ReservationExpired') expiries.push(event.data.reservationId);
    });
    await follower.stop();
    expect(expiries).toEqual([900_001]);
  });
});
