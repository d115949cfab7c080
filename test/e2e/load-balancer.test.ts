import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatsConnection } from 'nats';
import { subjectsFor } from '@voltstream/contracts';
import { connectNats } from '@voltstream/nats';
import type { SimulatedChargePoint } from '@voltstream/simulator';
import { GatewayPods } from './support/gateway-pods';
import { startHaproxy, type Balancer } from './support/haproxy';
import { loggedReadings, MeterTraffic } from './support/meter-traffic';
import { startSystem, type System } from './support/system';
import { adoptedWallbox, chargePoint, SLOW_MS } from './support/wallboxes';

const PODS = 3;
const IDENTITIES = Array.from({ length: 9 }, (_, index) => `LB-${index + 1}`);
const DRAIN_SECONDS = 3;
/** Meter values each wallbox has answered between two restarts, at least. */
const ANSWERED_BETWEEN_RESTARTS = 3;

/**
 * Three gateway pods behind HAProxy, run from deploy/haproxy/haproxy.cfg as shipped: the
 * wallboxes connect only through the balancer. Needs haproxy (`.ci/run` installs it) and
 * `npm run build`.
 */
describe('gateway pods behind HAProxy (end to end)', () => {
  let system: System;
  let pods: GatewayPods;
  let balancer: Balancer;
  let nc: NatsConnection;
  const wallboxes: SimulatedChargePoint[] = [];

  beforeAll(async () => {
    system = await startSystem({ GATEWAY_DRAIN_SECONDS: String(DRAIN_SECONDS) }, ['state-projection', 'authorization', 'api']);
    pods = await GatewayPods.start(system, PODS);
    balancer = await startHaproxy(pods.ports);
    nc = await connectNats(system.env.NATS_URL, 'load-balancer-test');
    for (const identity of IDENTITIES) {
      const options = { url: balancer.ocppUrl, autoReconnect: true, reconnectDelayMs: 500 };
      wallboxes.push(await adoptedWallbox(system, identity, { startMode: 'anyTag' }, options));
    }
  }, 120_000);
  afterAll(async () => {
    await Promise.all(wallboxes.map((wallbox) => wallbox.close()));
    await balancer?.stop();
    await pods?.stop();
    await nc?.close();
    await system?.stop();
  });

  it('spreads the wallboxes over the pods, and an operator command reaches every wallbox whichever pod holds it', async () => {
    const held = await Promise.all(pods.ports.map((_, index) => pods.connections(index)));
    expect(held.reduce((sum, count) => sum + count, 0)).toBe(IDENTITIES.length);
    expect(Math.min(...held)).toBeGreaterThan(0);

    for (const wallbox of wallboxes) {
      const answer = await system.api(`/api/charge-points/${wallbox.identity}/trigger`, { method: 'POST', body: { message: 'Heartbeat' } });
      expect(answer).toEqual({ status: 200, body: { status: 'Accepted' } });
      expect(wallbox.lastCallFromCsms).toEqual({ action: 'TriggerMessage', payload: { requestedMessage: 'Heartbeat' } });
    }
  });

  it('a rolling restart, one pod at a time with SIGTERM, loses no answered call, brings every wallbox back, and each pod closes its connections spread over the drain window', { timeout: 180_000 }, async () => {
    const traffic = wallboxes.map((wallbox) => new MeterTraffic(wallbox));
    const closedAt = new Map<string, number[]>(IDENTITIES.map((identity) => [identity, []]));
    for (const wallbox of wallboxes) wallbox.on('close', () => closedAt.get(wallbox.identity)?.push(Date.now()));
    const answeredSoFar = () => Math.min(...traffic.map(({ answered }) => answered.length));

    const drains: { held: number; closes: number[] }[] = [];
    for (let index = 0; index < PODS; index++) {
      const before = answeredSoFar();
      await expect.poll(answeredSoFar, { timeout: SLOW_MS }).toBeGreaterThanOrEqual(before + ANSWERED_BETWEEN_RESTARTS);
      const held = await pods.connections(index);
      const restartBegan = Date.now();
      await pods.restart(index);
      const closes = [...closedAt.values()].flat().filter((at) => at >= restartBegan);
      drains.push({ held, closes });
      await expect.poll(() => wallboxes.every((wallbox) => wallbox.online && wallbox.registrationStatus === 'Accepted'), { timeout: 30_000 }).toBe(true);
      for (const identity of IDENTITIES) closedAt.set(identity, []);
    }
    const lastBefore = answeredSoFar();
    await expect.poll(answeredSoFar, { timeout: SLOW_MS }).toBeGreaterThanOrEqual(lastBefore + ANSWERED_BETWEEN_RESTARTS);
    await Promise.all(traffic.map((meter) => meter.stop()));

    // No reconnect storm: each draining pod closed what it held in slices across its window.
    for (const { held, closes } of drains) {
      expect(closes).toHaveLength(held);
      if (held > 1) expect(Math.max(...closes) - Math.min(...closes)).toBeGreaterThanOrEqual((DRAIN_SECONDS * 1000) / 2);
    }
    const subjects = subjectsFor(system.namespace);
    const logged = await loggedReadings(nc, subjects, IDENTITIES);
    for (const meter of traffic) expect(logged.get(meter.wallbox.identity)).toEqual(expect.arrayContaining(meter.answered));
    await expect
      .poll(async () => Promise.all(IDENTITIES.map(async (identity) => (await chargePoint(system, identity)).online)), { timeout: SLOW_MS })
      .toEqual(IDENTITIES.map(() => true));
  });
});
