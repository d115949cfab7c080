import { setTimeout as delay } from 'node:timers/promises';
import { startBareWsServers } from '../baselines/start';
import { step, type Scenario, type ScenarioContext } from '../context';
import { atLeast, atMost, figure, noTarget, ratioAtMost } from '../figures';
import { Deployment } from '../services';
import { summarize } from '../stats';
import { formatNumber } from '../table';
import { connectFleet, describeCounters, residentOf, ownNamespace } from './shared';

interface Stage {
  connections: number;
  /** Gateway processes (and bare server processes) sharing the connections. */
  processes: number;
}

const SIZES: Record<'quick' | 'full', Stage[]> = {
  quick: [{ connections: 200, processes: 1 }],
  full: [
    { connections: 19_000, processes: 1 },
    { connections: 50_000, processes: 4 },
  ],
};
/** Lets buffers of the last boots be freed before memory is read. */
const SETTLE_MS = 3000;
const KIB = 1024;

interface Held {
  held: number;
  failed: number;
  bootLatencies: number[];
  bytesPerConnection: number | null;
}

/** Connects, boots and heartbeats `stage.connections` wallboxes to servers; measures what they hold. */
async function hold(context: ScenarioContext, label: string, stage: Stage, urls: string[], pids: () => Promise<number[]>): Promise<Held> {
  const before = await residentOf(await pids());
  const { fleet, outcome } = await connectFleet(context, label, {
    urls,
    count: stage.connections,
    identityPrefix: `CONN-${label}-`,
    heartbeat: true,
    concurrency: context.quick ? 50 : 100,
  });
  const { counters } = outcome;
  step(context, `${label}: ${describeCounters(counters)}`);
  await delay(SETTLE_MS);
  const after = await residentOf(await pids());
  const held = counters.accepted;
  await fleet.stop();
  return {
    held,
    failed: counters.total - counters.accepted + counters.heartbeatFailures,
    bootLatencies: outcome.bootLatencies,
    bytesPerConnection: before === null || after === null || held === 0 ? null : (after - before) / held,
  };
}

async function baseline(context: ScenarioContext, stage: Stage): Promise<Held> {
  const label = `bare-ws-${stage.connections}`;
  const servers = await startBareWsServers(context.processes, label, stage.processes, { natsUrl: context.natsUrl });
  try {
    return await hold(context, label, stage, servers.urls, async () => servers.pids);
  } finally {
    await servers.stop();
  }
}

async function voltstream(context: ScenarioContext, stage: Stage): Promise<Held> {
  const deployment = await Deployment.start(context, {
    namespace: ownNamespace(context),
    services: ['authorization'],
    gateways: stage.processes,
    // What a pod holds in service: its metrics count every boot and heartbeat.
    env: { GATEWAY_METRICS: 'on' },
  });
  try {
    return await hold(context, `voltstream-${stage.connections}`, stage, deployment.ocppUrls, () => deployment.gatewayPids());
  } finally {
    await deployment.stop();
  }
}

function record(context: ScenarioContext, stage: Stage, ours: Held, theirs: Held): void {
  const where = `${formatNumber(stage.connections)} on ${stage.processes} process${stage.processes > 1 ? 'es' : ''}`;
  const add = (name: string, unit: string, value: number | null, base: number | null, target = noTarget) =>
    context.record(figure({ scenario: 'connections', name: `${name} (${where})`, unit, voltstream: value, baseline: base, target }));
  const ourBoots = summarize(ours.bootLatencies);
  const theirBoots = summarize(theirs.bootLatencies);
  add('held connections', '', ours.held, theirs.held, atLeast(stage.connections));
  add('failed connects, boots or heartbeats', '', ours.failed, theirs.failed, atMost(0));
  add('boot latency p50', 'ms', ourBoots.p50, theirBoots.p50);
  add('boot latency p99', 'ms', ourBoots.p99, theirBoots.p99);
  const kib = (bytes: number | null) => (bytes === null ? null : bytes / KIB);
  add('memory per connection, gateway metrics on', 'KiB', kib(ours.bytesPerConnection), kib(theirs.bytesPerConnection), ratioAtMost(1.5));
}

export const connections: Scenario = {
  name: 'connections',
  async run(context) {
    const stages = SIZES[context.quick ? 'quick' : 'full'];
    context.detail('stages', stages);
    for (const stage of stages) {
      step(context, `${formatNumber(stage.connections)} wallboxes on ${stage.processes} process(es): the bare ws server first`);
      const theirs = await baseline(context, stage);
      const ours = await voltstream(context, stage);
      record(context, stage, ours, theirs);
    }
  },
};
