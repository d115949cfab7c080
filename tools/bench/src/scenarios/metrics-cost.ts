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
  /** Rounds, each running the gateway with its metrics on and the one with them off at the same time. */
  rounds: number;
}

const SIZES: Record<'quick' | 'full', MetricsCostSize> = {
  quick: { wallboxes: 50, rounds: 2, warmupMs: 1000, durationMs: 3000 },
  full: { wallboxes: 1000, rounds: 5, warmupMs: 3000, durationMs: 15_000 },
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
 * GATEWAY_METRICS on and one off, each with a fleet of its own; in each round the throughput's
 * closed loop runs on both at once, so that whatever the machine does meets both alike in the same
 * window (run one after the other, the second of a pair was the slower in most pairs, and the pairs
 * scattered by ±5–10 % around a cost of 0.2 %: docs/performance.md). Reported: the median of the
 * rounds' ratios.
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
    const rounds: Record<Side, Run>[] = [];
    for (let round = 0; round < size.rounds; round++) {
      const [on, off] = await Promise.all((['on', 'off'] as const).map((side) => run(context, side, fleets[side], pidOf[side], size)));
      rounds.push({ on, off });
    }
    await Promise.all([fleets.on.stop(), fleets.off.stop()]);
    context.detail('metricsCostRounds', rounds);
    record(context, size, rounds);
  } finally {
    await deployment.stop();
  }
}

function record(context: ScenarioContext, size: MetricsCostSize, rounds: Record<Side, Run>[]): void {
  const where = `median of ${size.rounds} rounds, both at once, ${formatNumber(size.wallboxes)} wallboxes each`;
  const throughputRatio = medianRatio(rounds.map(({ on, off }) => ({ a: on.perSecond, b: off.perSecond })));
  const cpuRatio = medianRatio(rounds.map(({ on, off }) => ({ a: on.cpuPerMessage, b: off.cpuPerMessage })));
  context.record(
    figure({
      scenario: 'throughput',
      name: `answered messages, gateway metrics on vs off (${where})`,
      unit: '/s',
      voltstream: median(rounds.map(({ on }) => on.perSecond)),
      baseline: median(rounds.map(({ off }) => off.perSecond)),
      ratio: throughputRatio,
      target: ratioAtLeast(0.95),
    }),
  );
  context.record(
    figure({
      scenario: 'throughput',
      name: `gateway CPU per message, metrics on vs off (${where})`,
      unit: 'µs',
      voltstream: median(rounds.map(({ on }) => on.cpuPerMessage)),
      baseline: median(rounds.map(({ off }) => off.cpuPerMessage)),
      ratio: cpuRatio,
      target: ratioAtMost(1.05),
    }),
  );
  step(context, `metrics on vs off: answered ${formatRatio(throughputRatio)}, gateway CPU per message ${formatRatio(cpuRatio)}`);
}

function formatRatio(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(3)}×`;
}
