import { startNatsResponder } from '../baselines/start';
import { status, step, type Scenario, type ScenarioContext } from '../context';
import { atMost, atMostScaledBaseline, figure, noTarget } from '../figures';
import { LoadFleet } from '../load/load-fleet';
import type { LoadResult } from '../load/protocol';
import { Deployment } from '../services';
import { summarize } from '../stats';
import { formatNumber } from '../table';
import { connectFleet, ownNamespace, shareOf } from './shared';

interface AuthorizeSize {
  wallboxes: number;
  ratePerSecond: number;
  count: number;
}

const SIZES: Record<'quick' | 'full', AuthorizeSize> = {
  quick: { wallboxes: 20, ratePerSecond: 50, count: 200 },
  full: { wallboxes: 200, ratePerSecond: 200, count: 12_000 },
};
const REQUEST_TIMEOUT_MS = 5000;

function runTimeoutMs(size: AuthorizeSize): number {
  return (size.count / size.ratePerSecond) * 1000 + 60_000;
}

function describe(label: string, result: LoadResult): string {
  return `${label}: ${formatNumber(result.answered)} answered, ${formatNumber(result.failed)} failed`;
}

async function baseline(context: ScenarioContext, size: AuthorizeSize, namespace: string): Promise<LoadResult> {
  const subject = `${namespace}.bench.authorize`;
  const responder = await startNatsResponder(context.processes, context.natsUrl, subject);
  const requester = LoadFleet.requester(context.processes, 'nats-requests');
  try {
    status(context, `raw NATS request/reply: ${formatNumber(size.count)} at ${size.ratePerSecond}/s`);
    const result = await requester.run(
      () => ({ type: 'natsRequests', natsUrl: context.natsUrl, subject, ratePerSecond: size.ratePerSecond, count: size.count, timeoutMs: REQUEST_TIMEOUT_MS }),
      runTimeoutMs(size),
    );
    step(context, describe('raw NATS request/reply', result));
    return result;
  } finally {
    await requester.stop();
    await context.processes.stop(responder);
  }
}

async function voltstream(context: ScenarioContext, size: AuthorizeSize, namespace: string): Promise<LoadResult> {
  const deployment = await Deployment.start(context, { namespace, services: ['authorization'], gateways: 1 });
  try {
    const { fleet } = await connectFleet(context, 'voltstream', { urls: deployment.ocppUrls, count: size.wallboxes, identityPrefix: 'AUTH-' });
    status(context, `voltstream: ${formatNumber(size.count)} Authorize at ${size.ratePerSecond}/s`);
    const result = await fleet.run(
      (share) => ({ type: 'authorize', ratePerSecond: size.ratePerSecond * share, count: shareOf(size.count, share) }),
      runTimeoutMs(size),
    );
    step(context, describe('voltstream Authorize', result));
    await fleet.stop();
    return result;
  } finally {
    await deployment.stop();
  }
}

export const authorize: Scenario = {
  name: 'authorize',
  async run(context) {
    const size = SIZES[context.quick ? 'quick' : 'full'];
    context.detail('size', size);
    const namespace = ownNamespace(context);
    const theirs = await baseline(context, size, namespace);
    const ours = await voltstream(context, size, namespace);
    const ourLatency = summarize(ours.latencies.samples);
    const theirLatency = summarize(theirs.latencies.samples);
    const add = (name: string, unit: string, value: number | null, base: number | null, target = noTarget) =>
      context.record(figure({ scenario: 'authorize', name, unit, voltstream: value, baseline: base, target }));
    add(`round trip p50 (${size.ratePerSecond}/s)`, 'ms', ourLatency.p50, theirLatency.p50);
    add(`round trip p99 (${size.ratePerSecond}/s)`, 'ms', ourLatency.p99, theirLatency.p99, atMostScaledBaseline(2, 1, 'ms'));
    add('failed or refused', '', ours.failed, theirs.failed, atMost(0));
    context.detail('failures', { voltstream: ours.failures, baseline: theirs.failures });
  },
};
