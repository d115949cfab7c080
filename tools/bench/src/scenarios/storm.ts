import { setTimeout as delay } from 'node:timers/promises';
import { status, step, type Scenario, type ScenarioContext } from '../context';
import { atLeast, atMost, figure, noTarget } from '../figures';
import type { LoadFleet } from '../load/load-fleet';
import type { WorkerCounters } from '../load/protocol';
import { Deployment } from '../services';
import { formatNumber } from '../table';
import { connectFleet, ownNamespace } from './shared';

interface StormSize {
  wallboxes: number;
  /** How long to wait for every wallbox to boot again before giving up (the target is 60 s). */
  waitMs: number;
}

const SIZES: Record<'quick' | 'full', StormSize> = {
  quick: { wallboxes: 200, waitMs: 60_000 },
  full: { wallboxes: 10_000, waitMs: 180_000 },
};
const POLL_MS = 250;
/** Fewer wallboxes per worker than elsewhere: a real fleet does not reconnect from one event loop. */
const WALLBOXES_PER_WORKER = 2500;

/** Polls the workers until every wallbox booted again since the mark, or the time is up. */
async function untilAllBootedAgain(context: ScenarioContext, fleet: LoadFleet, size: StormSize): Promise<WorkerCounters> {
  const deadline = Date.now() + size.waitMs;
  for (;;) {
    const counters = await fleet.counters();
    const line = `${formatNumber(counters.bootedSinceMark)}/${formatNumber(size.wallboxes)} booted again, ${formatNumber(counters.bootFailuresSinceMark)} failed boots`;
    status(context, line);
    if (counters.bootedSinceMark >= size.wallboxes || Date.now() > deadline) return counters;
    await delay(POLL_MS);
  }
}

export const storm: Scenario = {
  name: 'storm',
  async run(context) {
    const size = SIZES[context.quick ? 'quick' : 'full'];
    context.detail('size', size);
    const deployment = await Deployment.start(context, { namespace: ownNamespace(context), services: ['authorization'], gateways: 1 });
    const { fleet, outcome } = await connectFleet(context, 'storm', {
      urls: deployment.ocppUrls,
      count: size.wallboxes,
      identityPrefix: 'STORM-',
      autoReconnect: true,
      concurrency: context.quick ? 50 : 100,
      maxPerWorker: WALLBOXES_PER_WORKER,
    });
    step(context, `${formatNumber(outcome.counters.accepted)} wallboxes booted; restarting the gateway`);
    await fleet.mark();
    const droppedAt = Date.now();
    await deployment.stopGateways();
    const downMs = Date.now() - droppedAt;
    await deployment.startGateways();
    const gatewayBackMs = Date.now() - droppedAt;
    const counters = await untilAllBootedAgain(context, fleet, size);
    const allBack = counters.bootedSinceMark >= size.wallboxes;
    const add = (name: string, unit: string, value: number | null, target = noTarget) =>
      context.record(figure({ scenario: 'storm', name, unit, voltstream: value, target }));
    add(`booted again (${formatNumber(size.wallboxes)} dropped)`, '', counters.bootedSinceMark, atLeast(size.wallboxes));
    add('all booted again after', 's', allBack ? (counters.lastBootAt - droppedAt) / 1000 : null, atMost(60, ' s'));
    add('failed boots', '', counters.bootFailuresSinceMark, atMost(0));
    add('gateway restart (stop + ready)', 's', gatewayBackMs / 1000);
    context.detail('restart', { stopMs: downMs, readyAgainMs: gatewayBackMs, initiallyBooted: outcome.counters.accepted, lastFailure: counters.lastFailure });
    await fleet.stop();
  },
};
