import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatsConnection } from 'nats';
import { subjectsFor, type Subjects } from '@voltstream/contracts';
import { connectNats } from '@voltstream/nats';
import type { SimulatedChargePoint } from '@voltstream/simulator';
import { loggedReadings, MeterTraffic } from './support/meter-traffic';
import { NatsCluster } from './support/nats-cluster';
import { startSystem, type System } from './support/system';
import { adoptedWallbox, connector, SLOW_MS } from './support/wallboxes';

const NODES = 3;
const IDENTITIES = ['CLUSTER-1', 'CLUSTER-2', 'CLUSTER-3', 'CLUSTER-4'];
/** Meter values each wallbox has answered before the kill, and again after it, at least. */
const ANSWERED_PER_PHASE = 5;
/** The projection's pull, lost with the node, is made again after two missed idle heartbeats. */
const READ_MODELS_BACK_MS = 30_000;

/**
 * The whole system on a three-node JetStream cluster with every stream and bucket at three
 * replicas (NATS_REPLICAS=3), NATS_URL naming all three nodes. Needs nats-server and
 * `npm run build`.
 */
describe('Voltstream on a three-node NATS cluster (end to end)', () => {
  let cluster: NatsCluster;
  let system: System;
  let nc: NatsConnection;
  let subjects: Subjects;
  const wallboxes: SimulatedChargePoint[] = [];

  beforeAll(async () => {
    cluster = await NatsCluster.start(NODES);
    system = await startSystem({ NATS_URL: cluster.url, NATS_REPLICAS: String(NODES) });
    nc = await connectNats(cluster.url, 'nats-cluster-test');
    subjects = subjectsFor(system.namespace);
    for (const identity of IDENTITIES) wallboxes.push(await adoptedWallbox(system, identity, { startMode: 'anyTag' }));
  }, 90_000);
  afterAll(async () => {
    await Promise.all(wallboxes.map((wallbox) => wallbox.close()));
    await nc?.close();
    await system?.stop();
    await cluster?.stop();
  });

  it('keeps every stream and bucket on three servers', async () => {
    const jsm = await nc.jetstreamManager();
    const streams = [
      subjects.eventsStream,
      subjects.billingStream,
      subjects.transactionIdStream,
      subjects.reservationIdStream,
      `KV_${subjects.gatewayLeasesBucket}`,
      `KV_${subjects.transactionsBucket}`,
      `OBJ_${subjects.firmwareImagesBucket}`,
      `OBJ_${subjects.diagnosticsFilesBucket}`,
    ];
    for (const stream of streams) {
      const info = await jsm.streams.info(stream);
      expect({ stream, replicas: info.config.num_replicas }).toEqual({ stream, replicas: NODES });
    }
  });

  it('loses no answered message when the node leading the event log is killed under load, and goes on by itself', { timeout: 90_000 }, async () => {
    const traffic = wallboxes.map((wallbox) => new MeterTraffic(wallbox));
    const answeredSoFar = () => Math.min(...traffic.map(({ answered }) => answered.length));
    await expect.poll(answeredSoFar, { timeout: SLOW_MS }).toBeGreaterThanOrEqual(ANSWERED_PER_PHASE);

    const leader = (await (await nc.jetstreamManager()).streams.info(subjects.eventsStream)).cluster?.leader;
    expect(leader).toBeDefined();
    await cluster.kill(cluster.indexOf(leader as string));
    const atKill = answeredSoFar();
    await expect.poll(answeredSoFar, { timeout: 30_000, interval: 250 }).toBeGreaterThanOrEqual(atKill + ANSWERED_PER_PHASE);
    await Promise.all(traffic.map((meter) => meter.stop()));

    const logged = await loggedReadings(nc, subjects, IDENTITIES);
    for (const meter of traffic) expect(logged.get(meter.wallbox.identity)).toEqual(expect.arrayContaining(meter.answered));
    for (const meter of traffic) {
      const last = Math.max(...meter.answered);
      await expect.poll(async () => (await connector(system, meter.wallbox.identity, 1)).meterValue, { timeout: READ_MODELS_BACK_MS }).toBeGreaterThanOrEqual(last / 1000);
    }
  });
});
