import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { subjectsFor } from '@voltstream/contracts';
import { APP_NAMES } from '@voltstream/launcher';
import { connectNats } from '@voltstream/nats';
import type { SimulatedChargePoint } from '@voltstream/simulator';
import { adapterQuery, adapterRules, dashboardQueries, grafanaVariables, interpolate, loadDashboard, type DashboardQuery } from '../deploy/monitoring';
import { MeterTraffic } from './support/meter-traffic';
import { startPrometheus, type PrometheusServer, type Series } from './support/prometheus';
import { RawWallbox } from './support/raw-wallbox';
import { startSystem, type System } from './support/system';
import { adoptedWallbox, SLOW_MS } from './support/wallboxes';

const SCRAPE_INTERVAL_SECONDS = 1;
/** Grafana's default points of a panel: its width in pixels, about this for a half-width panel. */
const MAX_DATA_POINTS = 1000;
const IDENTITY = 'PROM-1';
/** A wallbox whose every tag is accepted, charging while the run lasts. */
const CHARGER = 'PROM-2';

const lineOf = ({ panel, legend }: DashboardQuery) => `${panel} › ${legend}`;
const finiteValues = (series: Series[]) => series.flatMap(({ values = [] }) => values.map(([, value]) => Number(value))).filter(Number.isFinite);

/** While `during` runs, the run's event log refuses every event (each is larger than it takes), as a JetStream in trouble would. */
async function withEventLogRefusing(system: System, during: () => Promise<void>): Promise<void> {
  const nc = await connectNats(system.env.NATS_URL, 'prometheus-test');
  const jsm = await nc.jetstreamManager();
  const { eventsStream } = subjectsFor(system.namespace);
  await jsm.streams.update(eventsStream, { max_msg_size: 16 });
  try {
    await during();
  } finally {
    await jsm.streams.update(eventsStream, { max_msg_size: -1 });
    await nc.close();
  }
}

/** Repeats an action, paced, until stopped: traffic that keeps the rate() windows of the run filled. */
function repeatUntilStopped(action: () => Promise<unknown>): { stop(): Promise<void> } {
  let running = true;
  const done = (async () => {
    while (running) {
      await action();
      await sleep(100);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
    },
  };
}

/**
 * Prometheus (the Debian binary; `.ci/run` installs it) scraping the four services every second
 * with deploy/prometheus/prometheus.yml, while wallboxes boot, charge, are refused and commanded,
 * and JetStream refuses an event for a moment;
 * then every query of deploy/grafana/voltstream.json and the prometheus-adapter rule, through
 * Prometheus's HTTP API, as Grafana and the adapter send them. Needs `npm run build`.
 */
describe('the Grafana dashboard and the autoscaler rule against a real Prometheus (end to end)', () => {
  let system: System;
  let prometheus: PrometheusServer;
  let wallbox: SimulatedChargePoint;
  let charger: SimulatedChargePoint;
  let meterValues: MeterTraffic;
  let operatorReads: { stop(): Promise<void> };
  let runStartMs: number;
  /** The code of the CALLERROR that answered a malformed StatusNotification. */
  let malformedCallError: string;
  const queries = dashboardQueries(loadDashboard());
  /** The queries as Grafana sends them for a time range from the start of the run until now, with Prometheus as `$datasource`. */
  const grafanaQueries = () => {
    const view = { fromMs: runStartMs, toMs: Date.now(), maxDataPoints: MAX_DATA_POINTS, scrapeIntervalSeconds: SCRAPE_INTERVAL_SECONDS };
    const variables = grafanaVariables(view);
    return { view, variables, queries: queries.map((query) => ({ ...query, expr: interpolate(query.expr, variables) })) };
  };

  beforeAll(async () => {
    system = await startSystem();
    runStartMs = Date.now();
    const hostOf = (url: string) => new URL(url).host;
    const targets = Object.fromEntries(APP_NAMES.map((app) => [app, hostOf(app === 'api' ? system.services.apiUrl : system.services.healthUrl(app))]));
    prometheus = await startPrometheus(targets, SCRAPE_INTERVAL_SECONDS);

    wallbox = await adoptedWallbox(system, IDENTITY, { startMode: 'centralList' });
    charger = await adoptedWallbox(system, CHARGER, { startMode: 'anyTag' });
    expect((await wallbox.authorize('NOBODY-KNOWS-ME')).idTagInfo.status).toBe('Invalid');
    await withEventLogRefusing(system, () => expect(wallbox.call('Heartbeat', {})).rejects.toMatchObject({ errorCode: 'InternalError' }));
    expect((await charger.beginTransaction(1, 'ANY-TAG')).idTagInfo.status).toBe('Accepted');
    meterValues = new MeterTraffic(charger);
    operatorReads = repeatUntilStopped(() => system.api(`/api/charge-points/${CHARGER}`));
    expect((await system.api(`/api/charge-points/${IDENTITY}/unlock`, { method: 'POST', body: { connectorId: 2 } })).status).toBe(200);
    const refused = new WebSocket(`${system.services.ocppUrl}/${IDENTITY}`, ['ocpp2.0.1']);
    const [, response] = (await once(refused, 'unexpected-response')) as [unknown, { statusCode: number; destroy(): void }];
    response.destroy();
    expect(response.statusCode).toBe(400);
    const raw = await RawWallbox.connect(system.services.ocppUrl, 'PROM-3');
    raw.send([2, 'bad-1', 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Bogus' }]);
    const [messageType, , code] = await raw.answerTo('bad-1');
    expect(messageType).toBe(4);
    malformedCallError = String(code);
    await raw.close();
    await charger.finishTransaction(1);
  }, 120_000);
  afterAll(async () => {
    await meterValues?.stop();
    await operatorReads?.stop();
    await wallbox?.close();
    await charger?.close();
    await prometheus?.stop();
    await system?.stop();
  });

  it('Prometheus scrapes /metrics of all four services with the shipped configuration, each labelled with its pod', async () => {
    const activeTargets = async () => {
      const answer = await prometheus.get<{ activeTargets: { labels: Record<string, string>; health: string }[] }>('targets', { state: 'active' });
      return (answer.data?.activeTargets ?? []).map(({ labels, health }) => ({ pod: labels.pod, namespace: labels.namespace, health })).sort((a, b) => a.pod.localeCompare(b.pod));
    };
    const allUp = [...APP_NAMES].sort().map((pod) => ({ pod, namespace: 'voltstream', health: 'up' }));
    await expect.poll(activeTargets, { timeout: SLOW_MS }).toEqual(allUp);
  });

  it("parses and runs every query of the dashboard (an instant query, with Grafana's variables filled in)", async () => {
    const { variables, queries: sent } = grafanaQueries();
    expect(variables.__rate_interval).toBe('4s');
    for (const { panel, expr } of sent) {
      const answer = await prometheus.query(expr);
      expect({ panel, expr, status: answer.status, error: answer.error }).toEqual({ panel, expr, status: 'success', error: undefined });
    }
  });

  it('draws a number in every panel for what happened during the run (a range query over the run, as a time series panel asks)', { timeout: 60_000 }, async () => {
    const linesWithoutData = async () => {
      const { view, variables, queries: sent } = grafanaQueries();
      const empty: string[] = [];
      for (const query of sent) {
        const range = { query: query.expr, start: String(view.fromMs / 1000), end: String(view.toMs / 1000), step: variables.__interval };
        const answer = await prometheus.get<{ result: Series[] }>('query_range', range);
        expect(answer.status, `${lineOf(query)}: ${answer.error}`).toBe('success');
        if (finiteValues(answer.data?.result ?? []).length === 0) empty.push(lineOf(query));
      }
      return empty;
    };
    await expect.poll(linesWithoutData, { timeout: 30_000, interval: 1000 }).toEqual([]);
  });

  it('draws a line for each thing that happened: the calls of the run by action, its decisions, command, refusal, CALLERRORs, tables and routes', async () => {
    const { queries: sent } = grafanaQueries();
    const lines = async (panel: string, ...labels: string[]) => {
      const query = sent.find((candidate) => candidate.panel === panel) as DashboardQuery;
      return ((await prometheus.query(query.expr)).data?.result ?? []).map(({ metric }) => labels.map((label) => metric[label]).join(' '));
    };
    expect(await lines('Connected wallboxes per pod', 'pod')).toEqual(['ocpp-gateway']);
    expect(await lines('Calls received per second, by action', 'action')).toEqual(
      expect.arrayContaining(['BootNotification', 'StatusNotification', 'Authorize', 'StartTransaction', 'MeterValues', 'StopTransaction']),
    );
    expect(await lines('Authorization decisions per second, by kind and result', 'kind', 'result')).toEqual(expect.arrayContaining(['authorize Invalid', 'start Accepted']));
    expect(await lines('Operator commands per second, by action and outcome', 'action', 'outcome')).toContain('UnlockConnector result');
    expect(await lines('Refused handshakes per second, by status', 'status')).toEqual(['400']);
    expect((await lines('CALLERRORs sent per second, by code', 'code')).sort()).toEqual(['InternalError', malformedCallError].sort());
    expect(await lines('Rows written per second, by table', 'table')).toContain('transactions');
    expect(await lines('API latency p99 by route', 'route')).toEqual(expect.arrayContaining(['/api/charge-points/:identity', '/api/charge-points/:identity/unlock']));
  });

  it("gives the autoscaler, through the adapter's seriesQuery and metricsQuery, the wallboxes the gateway pod holds", async () => {
    const [rule] = adapterRules();
    const found = await prometheus.get<Record<string, string>[]>('series', { 'match[]': rule.seriesQuery, start: String(runStartMs / 1000) });
    expect(found.data?.map((labels) => [labels.__name__, labels.namespace, labels.pod])).toContainEqual([rule.name.as, 'voltstream', 'ocpp-gateway']);
    // What the adapter sends when the HPA asks for the metric of the gateway's pods in namespace voltstream.
    const query = adapterQuery(rule.metricsQuery, { Series: rule.name.as, LabelMatchers: 'namespace="voltstream",pod=~"ocpp-gateway"', GroupBy: 'pod' });
    const perPod = async () => ((await prometheus.query(query)).data?.result ?? []).map(({ metric, value }) => ({ ...metric, value: value?.[1] }));
    await expect.poll(perPod, { timeout: SLOW_MS }).toEqual([{ pod: 'ocpp-gateway', value: '2' }]);
    const third = await RawWallbox.connect(system.services.ocppUrl, 'PROM-4');
    await expect.poll(perPod, { timeout: SLOW_MS }).toEqual([{ pod: 'ocpp-gateway', value: '3' }]);
    await third.close();
    await expect.poll(perPod, { timeout: SLOW_MS }).toEqual([{ pod: 'ocpp-gateway', value: '2' }]);
  });
});
