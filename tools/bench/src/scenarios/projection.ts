import { setTimeout as delay } from 'node:timers/promises';
import { connect } from 'nats';
import { subjectsFor } from '@voltstream/contracts';
import { bulkInsert } from '../baselines/start';
import { status, step, type Scenario, type ScenarioContext } from '../context';
import { atLeast, atMost, figure, noTarget } from '../figures';
import { machineBusy } from '../machine';
import { benchDatabaseUrl } from '../namespace';
import { Deployment } from '../services';
import { perSecond, summarize } from '../stats';
import { formatNumber } from '../table';
import { projectedSequence, publishEvents, runRebuild } from './rebuild';
import { connectFleet, ownNamespace } from './shared';
import { closedLoop } from './closed-loop';
import { THROUGHPUT_SIZES } from './throughput';

interface ProjectionSize {
  /** The wallboxes of `throughput`, which measure the load; half of it runs during the lag probes. */
  wallboxes: number;
  calibrateMs: number;
  /** Load and probes run this long before stops are measured: every process past its first calls. */
  warmupMs: number;
  lagMs: number;
  probes: number;
  rebuildEvents: number;
  rebuildChargePoints: number;
}

const SIZES: Record<'quick' | 'full', ProjectionSize> = {
  quick: { wallboxes: THROUGHPUT_SIZES.quick.wallboxes, calibrateMs: 3000, warmupMs: 2000, lagMs: 8000, probes: 5, rebuildEvents: 2000, rebuildChargePoints: 20 },
  full: {
    wallboxes: THROUGHPUT_SIZES.full.wallboxes,
    calibrateMs: 10_000,
    warmupMs: 5000,
    lagMs: 60_000,
    probes: 20,
    rebuildEvents: 1_000_000,
    rebuildChargePoints: 1000,
  },
};
const CATCH_UP_TIMEOUT_MS = 180_000;
const SHOWN_TIMEOUT_MS = 10_000;
/** Each probe charges once a second: it observes the load; in a tight loop it would be a second load. */
const PROBE_ROUND_INTERVAL_MS = 1000;

async function lastSequence(context: ScenarioContext, namespace: string): Promise<number> {
  const nc = await connect({ servers: context.natsUrl, name: 'bench-projection-watch' });
  try {
    const jsm = await nc.jetstreamManager();
    return (await jsm.streams.info(subjectsFor(namespace).eventsStream)).state.last_seq;
  } finally {
    await nc.close();
  }
}

/** Waits until the projection applied every event stored now, so a backlog does not count as lag. */
export async function waitForCatchUp(context: ScenarioContext, namespace: string): Promise<void> {
  const target = await lastSequence(context, namespace);
  const deadline = Date.now() + CATCH_UP_TIMEOUT_MS;
  for (let reached = await projectedSequence(context, namespace); reached < target; reached = await projectedSequence(context, namespace)) {
    if (Date.now() > deadline) throw new Error(`the projection is at ${reached} of ${target} after ${CATCH_UP_TIMEOUT_MS / 1000} s`);
    status(context, `projection catching up: ${formatNumber(reached)}/${formatNumber(target)}`);
    await delay(250);
  }
}

async function measureLag(context: ScenarioContext, size: ProjectionSize): Promise<void> {
  const namespace = ownNamespace(context);
  const deployment = await Deployment.start(context, { namespace, services: ['authorization', 'state-projection', 'api'], gateways: 1 });
  const urls = deployment.ocppUrls;
  const { fleet: load } = await connectFleet(context, 'load', { urls, count: size.wallboxes, identityPrefix: 'PROJ-L' });
  const { fleet: probes } = await connectFleet(context, 'probes', { urls, count: size.probes, identityPrefix: 'PROJ-P' });
  const full = await closedLoop(context, 'full load', load, { warmupMs: 1000, durationMs: size.calibrateMs });
  const halfRate = Math.max(1, (full.perSecond ?? 0) / 2);
  await waitForCatchUp(context, namespace);
  step(context, `StopTransaction → API lag under ${formatNumber(halfRate)} MeterValues/s for ${size.lagMs / 1000} s after ${size.warmupMs / 1000} s of warm-up`);
  const measureFrom = Date.now() + size.warmupMs;
  const until = measureFrom + size.lagMs;
  const runTimeout = size.warmupMs + size.lagMs + SHOWN_TIMEOUT_MS + 60_000;
  const { apiUrl, apiToken } = deployment;
  // The lag depends on the headroom: how busy the machine was is recorded with it.
  const busy = machineBusy(measureFrom, until);
  const [background, lag] = await Promise.all([
    load.run((share) => ({ type: 'meterValues', measureFrom, measureUntil: until, ratePerSecond: halfRate * share }), runTimeout),
    probes.run(
      () => ({ type: 'transactions', measureFrom, until, roundIntervalMs: PROBE_ROUND_INTERVAL_MS, apiUrl, apiToken, timeoutMs: SHOWN_TIMEOUT_MS }),
      runTimeout,
    ),
  ]);
  const lagSummary = summarize(lag.latencies.samples);
  const add = (name: string, unit: string, value: number | null, target = noTarget) =>
    context.record(figure({ scenario: 'projection', name, unit, voltstream: value, target }));
  add('StopTransaction → API lag p50', 'ms', lagSummary.p50);
  add('StopTransaction → API lag p99', 'ms', lagSummary.p99, atMost(250, ' ms'));
  add('lag probes not shown or failed', '', lag.failed, atMost(0));
  add('background MeterValues answered', '/s', perSecond(background.answered, background.durationMs));
  add('machine CPU busy while measured', '%', await busy);
  context.detail('lag', { samples: lag.answered, failures: lag.failures, backgroundFailures: background.failures, fullLoadPerSecond: full.perSecond });
  await load.stop();
  await probes.stop();
  await deployment.stop();
}

async function measureRebuild(context: ScenarioContext, size: ProjectionSize): Promise<void> {
  const namespace = ownNamespace(context, 'rebuild');
  step(context, `appending ${formatNumber(size.rebuildEvents)} events to an event log of its own`);
  await publishEvents(context, namespace, size.rebuildEvents, size.rebuildChargePoints);
  const rebuildMs = await runRebuild(context, namespace, (size.rebuildEvents / 2000) * 1000 + 120_000);
  const replayed = await projectedSequence(context, namespace);
  step(context, `rebuild: ${formatNumber(replayed)} events in ${formatNumber(rebuildMs / 1000)} s; now the Postgres bulk insert`);
  const databaseUrl = benchDatabaseUrl(context.postgresUrl, namespace);
  const bulk = await bulkInsert(context.processes, databaseUrl, size.rebuildEvents, size.rebuildChargePoints, 30 * 60_000);
  const add = (name: string, unit: string, value: number | null, base: number | null, target = noTarget) =>
    context.record(figure({ scenario: 'projection', name, unit, voltstream: value, baseline: base, target }));
  add(`rebuild by replay (${formatNumber(size.rebuildEvents)} events)`, '/s', perSecond(replayed, rebuildMs), perSecond(bulk.rows, bulk.insertMs), atLeast(20_000, ' /s'));
  add('events replayed', '', replayed, bulk.rows, atLeast(size.rebuildEvents));
  context.detail('rebuild', { events: size.rebuildEvents, rebuildMs, bulkRows: bulk.rows, bulkInsertMs: bulk.insertMs });
}

export const projection: Scenario = {
  name: 'projection',
  async run(context) {
    const size = SIZES[context.quick ? 'quick' : 'full'];
    context.detail('size', size);
    await measureLag(context, size);
    await measureRebuild(context, size);
  },
};
