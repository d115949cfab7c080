import { connect, nanos, RetentionPolicy, StorageType } from 'nats';
import { DUPLICATE_WINDOW_MS } from '@voltstream/nats';
import { startBareWsServers } from '../baselines/start';
import type { Scenario, ScenarioContext } from '../context';
import { atMost, figure, noTarget, ratioAtLeast } from '../figures';
import { Deployment } from '../services';
import { summarize } from '../stats';
import { formatNumber } from '../table';
import { closedLoop, type Throughput, type ThroughputSize } from './closed-loop';
import { metricsCost } from './metrics-cost';
import { connectFleet, ownNamespace } from './shared';

export const THROUGHPUT_SIZES: Record<'quick' | 'full', ThroughputSize> = {
  quick: { wallboxes: 50, warmupMs: 1000, durationMs: 5000 },
  full: { wallboxes: 1000, warmupMs: 5000, durationMs: 30_000 },
};

function baselineStreamName(namespace: string): string {
  return `${namespace.toUpperCase()}_BENCH_FRAMES`;
}

/** A stream like VS_EVENTS (file storage, duplicate window) for the baseline's frames. */
async function baselineStream(context: ScenarioContext, namespace: string): Promise<string> {
  const subject = `${namespace}.bench.frames`;
  const nc = await connect({ servers: context.natsUrl, name: 'bench-throughput-setup' });
  try {
    const jsm = await nc.jetstreamManager();
    await jsm.streams.add({
      name: baselineStreamName(namespace),
      subjects: [subject],
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    });
  } finally {
    await nc.close();
  }
  return subject;
}

/** How many frames the baseline stored: proof that it did publish and wait for the acks. */
async function storedFrames(context: ScenarioContext, namespace: string): Promise<number> {
  const nc = await connect({ servers: context.natsUrl, name: 'bench-throughput-check' });
  try {
    const jsm = await nc.jetstreamManager();
    return (await jsm.streams.info(baselineStreamName(namespace))).state.messages;
  } finally {
    await nc.close();
  }
}

async function baseline(context: ScenarioContext, size: ThroughputSize, namespace: string): Promise<Throughput> {
  const jetstreamSubject = await baselineStream(context, namespace);
  const servers = await startBareWsServers(context.processes, 'bare-ws-jetstream', 1, { natsUrl: context.natsUrl, jetstreamSubject });
  try {
    const { fleet } = await connectFleet(context, 'bare-ws-jetstream', { urls: servers.urls, count: size.wallboxes, identityPrefix: 'TPUT-B' });
    const measured = await closedLoop(context, 'bare-ws-jetstream', fleet, size);
    await fleet.stop();
    context.detail('baselineStoredFrames', await storedFrames(context, namespace));
    return measured;
  } finally {
    await servers.stop();
  }
}

async function voltstream(context: ScenarioContext, size: ThroughputSize, namespace: string): Promise<Throughput> {
  const deployment = await Deployment.start(context, { namespace, services: ['authorization'], gateways: 1 });
  try {
    const { fleet } = await connectFleet(context, 'voltstream', { urls: deployment.ocppUrls, count: size.wallboxes, identityPrefix: 'TPUT-V' });
    const measured = await closedLoop(context, 'voltstream', fleet, size);
    await fleet.stop();
    return measured;
  } finally {
    await deployment.stop();
  }
}

export const throughput: Scenario = {
  name: 'throughput',
  async run(context) {
    const size = THROUGHPUT_SIZES[context.quick ? 'quick' : 'full'];
    context.detail('size', size);
    // One namespace: the deployment's removal at the end also removes the baseline's stream.
    const namespace = ownNamespace(context);
    const theirs = await baseline(context, size, namespace);
    const ours = await voltstream(context, size, namespace);
    const ourLatency = summarize(ours.result.latencies.samples);
    const theirLatency = summarize(theirs.result.latencies.samples);
    const add = (name: string, unit: string, value: number | null, base: number | null, target = noTarget) =>
      context.record(figure({ scenario: 'throughput', name, unit, voltstream: value, baseline: base, target }));
    add(`answered messages (${formatNumber(size.wallboxes)} wallboxes)`, '/s', ours.perSecond, theirs.perSecond, ratioAtLeast(0.7));
    add('latency p50', 'ms', ourLatency.p50, theirLatency.p50);
    add('latency p99', 'ms', ourLatency.p99, theirLatency.p99);
    add('failed calls', '', ours.result.failed, theirs.result.failed, atMost(0));
    context.detail('failures', { voltstream: ours.result.failures, baseline: theirs.result.failures });
    await metricsCost(context, namespace);
  },
};
