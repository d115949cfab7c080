import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { createEvent, subjectsFor, type ChargePointSettings, type VoltstreamEvent } from '@voltstream/contracts';
import { openChromium } from '@voltstream/launcher';
import { connectNats, ensureStreams, EventPublisher } from '@voltstream/nats';
import type { Page } from 'playwright-core';
import { status, step, type Scenario, type ScenarioContext } from '../context';
import { atMost, figure, noTarget } from '../figures';
import { machineBusy } from '../machine';
import { Deployment } from '../services';
import { perSecond, summarize } from '../stats';
import { formatNumber } from '../table';
import { waitForCatchUp } from './projection';
import { ownNamespace } from './shared';

interface DashboardSize {
  chargePoints: number;
  changesPerSecond: number;
  loads: number;
  changeMs: number;
  probes: number;
}

const SIZES: Record<'quick' | 'full', DashboardSize> = {
  quick: { chargePoints: 500, changesPerSecond: 50, loads: 3, changeMs: 4000, probes: 3 },
  full: { chargePoints: 10_000, changesPerSecond: 1000, loads: 5, changeMs: 20_000, probes: 10 },
};
const SETTINGS: ChargePointSettings = { startMode: 'anyTag', relaxations: [], autoStartIdTag: null, passwordHash: null, description: null };
const PUBLISH_WINDOW = 1000;
const TICK_MS = 100;
const SHOWN_TIMEOUT_MS = 10_000;
/** The dashboard keeps its token here (apps/dashboard/src/session.ts). */
const TOKEN_KEY = 'voltstream.apiToken';

const identityOf = (index: number) => `FLEET-${String(index + 1).padStart(5, '0')}`;
const statusChanged = (identity: string, connectorId: number, status: string) =>
  createEvent('ConnectorStatusChanged', { connectorId, status, errorCode: 'NoError' }, identity, new Date());

/** Every charge point adopted, connected, booted, and its two connectors Available. */
function* fleetEvents(chargePoints: number): Generator<VoltstreamEvent> {
  for (let index = 0; index < chargePoints; index++) {
    const identity = identityOf(index);
    const at = new Date();
    yield createEvent('ChargePointAdopted', SETTINGS, identity, at);
    yield createEvent('ChargePointConnected', { connectionId: `${identity}-1`, gatewayId: 'bench' }, identity, at);
    yield createEvent('ChargePointBooted', { vendor: 'Voltstream', model: index % 3 ? 'Wallbox 22' : 'Wallbox 11', registrationStatus: 'Accepted' }, identity, at);
    for (const connectorId of [0, 1, 2]) yield statusChanged(identity, connectorId, 'Available');
  }
}

async function publishAll(publisher: EventPublisher, events: Iterable<VoltstreamEvent>): Promise<void> {
  const inFlight = new Set<Promise<unknown>>();
  for (const event of events) {
    const publish: Promise<unknown> = publisher.publish(event).then(() => inFlight.delete(publish));
    inFlight.add(publish);
    if (inFlight.size >= PUBLISH_WINDOW) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
}

/** From navigation to the first page of charge points on screen, signed in (the token already in the tab). */
async function loadFleetPage(page: Page, apiUrl: string): Promise<number> {
  const startedAt = performance.now();
  await page.goto(`${apiUrl}/`, { waitUntil: 'commit' });
  await page.locator('tbody tr').first().waitFor({ timeout: SHOWN_TIMEOUT_MS });
  return performance.now() - startedAt;
}

/** The page's own event-loop delays: how late a 50 ms timer fires while the changes stream in. */
const TIMER_PROBE = `(() => {
  window.__delays = [];
  let expected = performance.now() + 50;
  setInterval(() => { const now = performance.now(); window.__delays.push(Math.max(0, now - expected)); expected = now + 50; }, 50);
})()`;

/** Status changes of connector 1 of random charge points, `perSecond` of them, until `until`. */
async function changeLoad(publisher: EventPublisher, chargePoints: number, perSecond: number, until: number): Promise<number> {
  let published = 0;
  const statuses = ['Charging', 'Available', 'SuspendedEV', 'Preparing'];
  for (let tick = performance.now(); Date.now() < until; tick += TICK_MS) {
    const batch = Array.from({ length: Math.round((perSecond * TICK_MS) / 1000) }, (_, index) =>
      statusChanged(identityOf(Math.floor(Math.random() * chargePoints)), 1, statuses[(published + index) % statuses.length]),
    );
    await publishAll(publisher, batch);
    published += batch.length;
    await delay(Math.max(0, tick + TICK_MS - performance.now()));
  }
  return published;
}

/** One charge point of the first page after another turns Faulted: from the event's append to its row showing it. */
async function probeChangesShown(page: Page, publisher: EventPublisher, probes: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let probe = 0; probe < probes; probe++) {
    const identity = identityOf(probe);
    const row = page.locator(`tr[data-identity="${identity}"]`);
    const startedAt = performance.now();
    await publisher.publish(statusChanged(identity, 0, 'Faulted'));
    await row.filter({ hasText: 'Faulted' }).waitFor({ timeout: SHOWN_TIMEOUT_MS });
    latencies.push(performance.now() - startedAt);
    await delay(300);
  }
  return latencies;
}

async function measure(context: ScenarioContext, size: DashboardSize): Promise<void> {
  const namespace = ownNamespace(context);
  const deployment = await Deployment.start(context, { namespace, services: ['state-projection', 'api'], gateways: 0 });
  const nc = await connectNats(context.natsUrl, 'bench-dashboard');
  context.onCleanup(() => nc.close());
  const subjects = subjectsFor(namespace);
  await ensureStreams(nc, subjects);
  const publisher = new EventPublisher(nc, subjects, 30_000);
  step(context, `a fleet of ${formatNumber(size.chargePoints)} charge points in the event log and the read models`);
  await publishAll(publisher, fleetEvents(size.chargePoints));
  await waitForCatchUp(context, namespace);

  const browser = await openChromium();
  context.onCleanup(() => browser.close());
  const { page } = browser;
  await page.addInitScript(`sessionStorage.setItem(${JSON.stringify(TOKEN_KEY)}, ${JSON.stringify(deployment.apiToken)})`);
  const loads: number[] = [];
  for (let load = 0; load < size.loads; load++) {
    loads.push(await loadFleetPage(page, deployment.apiUrl));
    status(context, `fleet page loads: ${loads.map((ms) => formatNumber(ms)).join(', ')} ms`);
  }
  await mkdir(join(context.root, 'bench-results'), { recursive: true });
  await page.screenshot({ path: join(context.root, 'bench-results', 'dashboard-fleet.png') });

  step(context, `${formatNumber(size.changesPerSecond)} status changes/s for ${size.changeMs / 1000} s while the fleet page is open`);
  await page.evaluate(TIMER_PROBE);
  const until = Date.now() + size.changeMs;
  // How fast the page keeps up depends on the headroom: how busy the machine was is recorded with it.
  const busy = machineBusy(Date.now(), until);
  const [published, shown] = await Promise.all([
    changeLoad(publisher, size.chargePoints, size.changesPerSecond, until),
    delay(1000).then(() => probeChangesShown(page, publisher, size.probes)),
  ]);
  const delays = (await page.evaluate('window.__delays')) as number[];

  const add = (name: string, unit: string, value: number | null, target = noTarget) =>
    context.record(figure({ scenario: 'dashboard', name, unit, voltstream: value, target }));
  const fleet = formatNumber(size.chargePoints);
  add(`fleet page load, ${fleet} charge points, p50`, 'ms', summarize(loads).p50, atMost(1000, ' ms'));
  add(`fleet page load, ${fleet} charge points, worst`, 'ms', summarize(loads).max);
  add('status changes published', '/s', perSecond(published, size.changeMs));
  add('a change on screen p99 (append → row)', 'ms', summarize(shown).p99, atMost(1000, ' ms'));
  add('page event-loop delay p99 under the changes', 'ms', summarize(delays).p99, atMost(100, ' ms'));
  add('page event-loop delay worst under the changes', 'ms', summarize(delays).max);
  add('machine CPU busy while the changes ran', '%', await busy);
  context.detail('dashboard', { loads, shown, delaySamples: delays.length });
  await deployment.stop();
}

export const dashboard: Scenario = {
  name: 'dashboard',
  async run(context) {
    const size = SIZES[context.quick ? 'quick' : 'full'];
    context.detail('size', size);
    await measure(context, size);
  },
};
