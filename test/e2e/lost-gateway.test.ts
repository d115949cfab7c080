import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatsConnection } from 'nats';
import { subjectsFor, type Subjects } from '@voltstream/contracts';
import { connectNats } from '@voltstream/nats';
import type { SimulatedChargePoint } from '@voltstream/simulator';
import { eventsOf, GatewayProcess, lastEvent } from '@voltstream/testing';
import { startSystem, type System } from './support/system';
import { adoptedWallbox, bootedWallbox, chargePoint } from './support/wallboxes';

const HEARTBEAT_INTERVAL_S = 10;
/** Noticed within 1.25 × this after the last renewal, well within the heartbeat interval. */
const LEASE_TTL_S = 4;
const IDENTITIES = ['GHOST-1', 'GHOST-2', 'GHOST-3', 'GHOST-4'];
/** Meter values each wallbox has had answered before the kill, at least. */
const ANSWERED_BEFORE_KILL = 5;

/** Sends meter values one after another until the connection fails; @returns the readings answered. */
function meterUntilCut(wallbox: SimulatedChargePoint): { answered: number[]; done: Promise<void> } {
  const answered: number[] = [];
  const done = (async () => {
    for (let wh = 1; ; wh++) {
      try {
        await wallbox.meterValues(1, wh);
      } catch {
        return;
      }
      answered.push(wh);
    }
  })();
  return { answered, done };
}

/**
 * kill -9 of a gateway pod (SPEC: no ghosts): its wallboxes show offline within the heartbeat
 * interval, nothing they had been answered is missing from the log, and a wallbox that reconnects
 * to the surviving pod is online. The whole system from dist/ (its gateway survives) and a second
 * gateway process, which is killed; run `npm run build` first.
 */
describe('a gateway pod killed without a goodbye (end to end)', () => {
  let system: System;
  let doomed: GatewayProcess;
  let nc: NatsConnection;
  let subjects: Subjects;
  const wallboxes: SimulatedChargePoint[] = [];

  beforeAll(async () => {
    system = await startSystem({ HEARTBEAT_INTERVAL: String(HEARTBEAT_INTERVAL_S), GATEWAY_LEASE_TTL: String(LEASE_TTL_S) });
    doomed = await GatewayProcess.start({ ...system.env, GATEWAY_PORT: '0', GATEWAY_HOST: '127.0.0.1' });
    nc = await connectNats(system.env.NATS_URL, 'lost-gateway-test');
    subjects = subjectsFor(system.namespace);
  });
  afterAll(async () => {
    await Promise.all(wallboxes.map((wallbox) => wallbox.close()));
    await doomed?.kill();
    await nc?.close();
    await system?.stop();
  });

  it('shows its wallboxes offline within the heartbeat interval, loses nothing answered, and a wallbox back on the surviving pod is online', async () => {
    const onDoomed = await Promise.all(
      IDENTITIES.map((identity) => adoptedWallbox(system, identity, { startMode: 'anyTag' }, { url: `${doomed.url}/ocpp` })),
    );
    wallboxes.push(...onDoomed);
    for (const identity of IDENTITIES) expect((await chargePoint(system, identity)).online).toBe(true);

    const traffic = onDoomed.map(meterUntilCut);
    await expect.poll(() => Math.min(...traffic.map(({ answered }) => answered.length)), { timeout: 10_000 }).toBeGreaterThanOrEqual(ANSWERED_BEFORE_KILL);
    const offlineBy = Date.now() + HEARTBEAT_INTERVAL_S * 1000;
    expect(await doomed.kill()).toMatchObject({ signal: 'SIGKILL' });
    await Promise.all(traffic.map(({ done }) => done));

    // The first comes back at once, on the surviving pod, before the lost pod's lease lapses.
    const [returning, ...ghosts] = IDENTITIES;
    wallboxes.push(await bootedWallbox(system, returning));

    await expect
      .poll(async () => Promise.all(ghosts.map(async (identity) => (await chargePoint(system, identity)).online)), { timeout: offlineBy - Date.now(), interval: 250 })
      .toEqual(ghosts.map(() => false));
    for (const identity of ghosts) {
      expect(await lastEvent(nc, subjects, identity, 'ChargePointDisconnected')).toMatchObject({ data: { reason: 'its gateway pod was lost (lease lapsed)' } });
    }
    expect((await chargePoint(system, returning)).online).toBe(true);

    for (const [index, identity] of IDENTITIES.entries()) {
      const logged = (await eventsOf(nc, subjects, identity, 'MeterValuesReported')).map((event) => Number(event.data.meterValue[0].sampledValue[0].value));
      expect(logged).toEqual(expect.arrayContaining(traffic[index].answered));
    }

    for (const identity of ghosts) wallboxes.push(await bootedWallbox(system, identity));
    for (const identity of IDENTITIES) expect((await chargePoint(system, identity)).online).toBe(true);
  });
});
