import { setTimeout as delay } from 'node:timers/promises';
import { step, type ScenarioContext } from '../context';
import { figure, ratioAtLeast, ratioAtMost } from '../figures';
import type { LoadFleet } from '../load/load-fleet';
import { cpuSeconds } from '../processes';
import { Deployment } from '../services';
import { median, medianRatio } from '../stats';
import { formatNumber } from '../table';
import { connectFleet } from './shared';
import { closedLoop, type ThroughputSize } from './closed-loop';

interface MetricsCostSize extends ThroughputSize {
  /** Alternating pairs of runs, one with the gateway's metrics on and one off. */
  pairs: number;
}

const SIZES: Record<'quick' | 'full', MetricsCostSize> = {
  quick: { wallboxes: 50, pairs: 2, warmupMs: 1000, durationMs: 3000 },
  full: { wallboxes: 1000, pairs: 5, warmupMs: 3000, durationMs: 15_000 },
};

type Side = 'on' | 'off';

interface Run {
  perSecond: number | null;
  /** Gateway CPU time per answered message, in µs. */
  cpuPerMessage: number | null;
}

/** CPU seconds a process used between two moments (epoch ms); null when it cannot be read. */
async function cpuBetween(pid: number, from: number, until: number): Promise<number | null> {
  await delay(Math.max(0, from - Date.now()));
  const start = await cpuSeconds(pid);
  await delay(Math.max(0, until - Date.now()));
  const end = await cpuSeconds(pid);
  return start === null || end === null ? null : end - start;
}

async function run(context: ScenarioContext, side: Side, fleet: LoadFleet, pid: number, size: MetricsCostSize): Promise<Run> {
  const from = Date.now() + size.warmupMs;
  const cpu = cpuBetween(pid, from, from + size.durationMs);
  const measured = await closedLoop(context, `metrics ${side}`, fleet, size);
  const used = await cpu;
  const answered = measured.result.answered;
  return { perSecond: measured.perSecond, cpuPerMessage: used === null || answered === 0 ? null : (used * 1e6) / answered };
}

/**
 * What the gateway's metrics cost per message: two gateways in one deployment, one with
 * GATEWAY_METRICS on and one off, each with a fleet of its own; the throughput's closed loop runs
 * on each in turn, the order alternating from pair to pair (on-off, off-on, …), so that a drift of
 * the machine meets both alike. Reported: the median of the pairs' ratios.
 */
export async function metricsCost(context: ScenarioContext, namespace: string): Promise<void> {
  const size = SIZES[context.quick ? 'quick' : 'full'];
  context.detail('metricsCostSize', size);
  const deployment = await Deployment.start(context, {
    namespace,
    services: ['authorization'],
    gateways: 2,
    gatewayEnv: [{ GATEWAY_METRICS: 'on' }, { GATEWAY_METRICS: 'off' }],
  });
  try {
    const pids = await deployment.gatewayPids();
    if (pids.length !== 2) throw new Error('the pids of the two gateways could not be found');
    const fleets: Record<Side, LoadFleet> = {
      on: (await connectFleet(context, 'metrics on', { urls: [deployment.ocppUrls[0]], count: size.wallboxes, identityPrefix: 'MCOST-ON-' })).fleet,
      off: (await connectFleet(context, 'metrics off', { urls: [deployment.ocppUrls[1]], count: size.wallboxes, identityPrefix: 'MCOST-OFF-' })).fleet,
    };
    const pidOf: Record<Side, number> = { on: pids[0], off: pids[1] };
    const pairs: Record<Side, Run>[] = [];
    for (let pair = 0; pair < size.pairs; pair++) {
      const order: Side[] = pair % 2 === 0 ? ['on', 'off'] : ['off', 'on'];
      const runs = {} as Record<Side, Run>;
      for (const side of order) runs[side] = await run(context, side, fleets[side], pidOf[side], size);
      pairs.push(runs);
    }
    await Promise.all([fleets.on.stop(), fleets.off.stop()]);
    context.detail('metricsCostPairs', pairs);
    record(context, size, pairs);
  } finally {
    await deployment.stop();
  }
}

function record(context: ScenarioContext, size: MetricsCostSize, pairs: Record<Side, Run>[]): void {
  const where = `median of ${size.pairs} alternating pairs, ${formatNumber(size.wallboxes)} wallboxes`;
  const throughputRatio = medianRatio(pairs.map(({ on, off }) => ({ a: on.perSecond, b: off.perSecond })));
  const cpuRatio = medianRatio(pairs.map(({ on, off }) => ({ a: on.cpuPerMessage, b: off.cpuPerMessage })));
  context.record(
    figure({
      scenario: 'throughput',
      name: `answered messages, gateway metrics on vs off (${where})`,
      unit: '/s',
      voltstream: median(pairs.map(({ on }) => on.perSecond)),
      baseline: median(pairs.map(({ off }) => off.perSecond)),
      ratio: throughputRatio,
      target: ratioAtLeast(0.95),
    }),
  );
  context.record(
    figure({
      scenario: 'throughput',
      name: `gateway CPU per message, metrics on vs off (${where})`,
      unit: 'µs',
      voltstream: median(pairs.map(({ on }) => on.cpuPerMessage)),
      baseline: median(pairs.map(({ off }) => off.cpuPerMessage)),
      ratio: cpuRatio,
      target: ratioAtMost(1.05),
    }),
  );
  step(context, `metrics on vs off: answered ${formatRatio(throughputRatio)}, gateway CPU per message ${formatRatio(cpuRatio)}`);
}

function formatRatio(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(3)}×`;
}
