import { once } from 'node:events';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { METRICS, type ServiceName } from '@voltstream/health';
import type { SimulatedChargePoint } from '@voltstream/simulator';
import { RawWallbox } from './support/raw-wallbox';
import { startSystem, type System } from './support/system';
import { adoptedWallbox, SLOW_MS } from './support/wallboxes';

const IDENTITY = 'METRICS-1';
/** A wallbox whose every tag is accepted, for a whole transaction. */
const CHARGER = 'METRICS-4';

/** The value of the series of `name` with these labels (in any order) in a Prometheus text exposition; 0 while it is absent. */
function seriesValue(exposition: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries({ service: 'ocpp-gateway', ...labels }).map(([label, value]) => `${label}="${value}"`);
  const line = exposition.split('\n').find((candidate) => candidate.startsWith(`${name}{`) && wanted.every((pair) => candidate.includes(pair)));
  return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('every service serves Prometheus metrics that move with what happens (end to end)', () => {
  let system: System;
  let wallbox: SimulatedChargePoint;
  let charger: SimulatedChargePoint;
  const scrape = async (app: ServiceName): Promise<string> => {
    const response = await fetch(`${app === 'api' ? system.services.apiUrl : system.services.healthUrl(app)}/metrics`);
    expect(response.status).toBe(200);
    return response.text();
  };
  const series =
    (service: ServiceName, name: string, labels: Record<string, string> = {}) =>
    async () =>
      seriesValue(await scrape(service), name, { service, ...labels });
  const gateway = (name: string, labels: Record<string, string> = {}) => series('ocpp-gateway', name, labels);
  const projection = (name: string, labels: Record<string, string> = {}) => series('state-projection', name, labels);

  beforeAll(async () => {
    system = await startSystem();
    wallbox = await adoptedWallbox(system, IDENTITY, { startMode: 'centralList' });
    charger = await adoptedWallbox(system, CHARGER, { startMode: 'anyTag' });
  });
  afterAll(async () => {
    await wallbox?.close();
    await charger?.close();
    await system?.stop();
  });

  it('each service exports every metric the catalogue names for it (which the docs and the dashboard read)', async () => {
    for (const [service, specs] of Object.entries(METRICS) as [ServiceName, Record<string, { name: string; kind: string }>][]) {
      const exposition = await scrape(service);
      for (const { name, kind } of Object.values(specs)) expect(exposition, `${service} ${name}`).toContain(`# TYPE ${name} ${kind}`);
    }
  });

  it('the gateway counts the wallboxes it holds, for the autoscaler, and forgets one that leaves', async () => {
    const connected = gateway('voltstream_gateway_connected_wallboxes');
    expect(await connected()).toBe(2);
    const third = await RawWallbox.connect(system.services.ocppUrl, 'METRICS-2');
    expect(await connected()).toBe(3);
    await third.close();
    await expect.poll(connected, { timeout: SLOW_MS }).toBe(2);
  });

  it('an answered CALL counts by action and outcome, with its latency in the histogram of its action', async () => {
    const results = gateway('voltstream_gateway_calls_received_total', { action: 'Heartbeat', outcome: 'result' });
    const latencies = gateway('voltstream_gateway_call_duration_seconds_count', { action: 'Heartbeat' });
    const [resultsBefore, latenciesBefore] = [await results(), await latencies()];
    await wallbox.call('Heartbeat', {});
    expect(await results()).toBe(resultsBefore + 1);
    expect(await latencies()).toBe(latenciesBefore + 1);
  });

  it("the gateway times each event's publish to JetStream until its ack", async () => {
    const stored = gateway('voltstream_gateway_jetstream_publish_duration_seconds_count', { outcome: 'stored' });
    const before = await stored();
    await wallbox.call('Heartbeat', {});
    expect(await stored()).toBe(before + 1);
  });

  it('the authorization service counts its decisions by kind and result', async () => {
    const decisions = (kind: string, result: string) => series('authorization', 'voltstream_authorization_decisions_total', { kind, result });
    const [invalid, started] = [decisions('authorize', 'Invalid'), decisions('start', 'Accepted')];
    const [invalidBefore, startedBefore] = [await invalid(), await started()];
    expect((await wallbox.authorize('NOBODY-KNOWS-ME')).idTagInfo.status).toBe('Invalid');
    expect(await invalid()).toBe(invalidBefore + 1);
    const transaction = await charger.beginTransaction(1, 'ANY-TAG');
    expect(transaction.idTagInfo.status).toBe('Accepted');
    expect(await started()).toBe(startedBefore + 1);
  });

  it('the projection counts the rows it writes by table and the completed transactions it publishes to billing', async () => {
    const rows = projection('voltstream_projection_rows_written_total', { table: 'transactions' });
    const billed = projection('voltstream_projection_billing_published_total');
    const [rowsBefore, billedBefore] = [await rows(), await billed()];
    await charger.finishTransaction(1); // begun by the test above
    await expect.poll(rows, { timeout: SLOW_MS }).toBeGreaterThan(rowsBefore);
    await expect.poll(billed, { timeout: SLOW_MS }).toBe(billedBefore + 1);
  });

  it('the projection shows its lag in events and in seconds while its writes are held up, and none once they go through', async () => {
    const lag = async (): Promise<{ events: number; seconds: number }> => {
      const exposition = await scrape('state-projection');
      const value = (name: string) => seriesValue(exposition, name, { service: 'state-projection' });
      return { events: value('voltstream_projection_lag_events'), seconds: value('voltstream_projection_lag_seconds') };
    };
    await expect.poll(lag, { timeout: SLOW_MS }).toEqual({ events: 0, seconds: 0 });
    // Holding the checkpoint's row holds up the projection's next commit; its reads go on.
    const database = new Client({ connectionString: system.env.DATABASE_URL });
    await database.connect();
    try {
      await database.query('BEGIN');
      await database.query('SELECT * FROM projection_checkpoints FOR UPDATE');
      await wallbox.call('Heartbeat', {});
      await expect.poll(async () => (await lag()).events, { timeout: SLOW_MS }).toBeGreaterThanOrEqual(1);
      await expect.poll(async () => (await lag()).seconds, { timeout: SLOW_MS }).toBeGreaterThan(0);
      await database.query('ROLLBACK');
    } finally {
      await database.end();
    }
    await expect.poll(lag, { timeout: SLOW_MS }).toEqual({ events: 0, seconds: 0 });
  });

  it('a CALLERROR sent counts by its code, and the CALL it answers counts as a callError of its action', async () => {
    const raw = await RawWallbox.connect(system.services.ocppUrl, 'METRICS-3');
    raw.send([2, 'bad-1', 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Bogus' }]);
    const [, , code] = await raw.answerTo('bad-1');
    const exposition = await scrape('ocpp-gateway');
    expect(seriesValue(exposition, 'voltstream_gateway_call_errors_sent_total', { code: String(code) })).toBe(1);
    expect(seriesValue(exposition, 'voltstream_gateway_calls_received_total', { action: 'StatusNotification', outcome: 'callError' })).toBe(1);
    await raw.close();
  });

  it('an operator command counts by action and by how the wallbox answered', async () => {
    const unlocked = gateway('voltstream_gateway_operator_commands_total', { action: 'UnlockConnector', outcome: 'result' });
    const before = await unlocked();
    expect((await system.api(`/api/charge-points/${IDENTITY}/unlock`, { method: 'POST', body: { connectorId: 2 } })).status).toBe(200);
    expect(await unlocked()).toBe(before + 1);
  });

  it('a refused handshake (here: no ocpp1.6 offered) counts by its HTTP status', async () => {
    const refused = gateway('voltstream_gateway_handshakes_refused_total', { status: '400' });
    const before = await refused();
    const socket = new WebSocket(`${system.services.ocppUrl}/${IDENTITY}`, ['ocpp2.0.1']);
    const [, response] = (await once(socket, 'unexpected-response')) as [unknown, { statusCode: number; destroy(): void }];
    response.destroy();
    expect(response.statusCode).toBe(400);
    expect(await refused()).toBe(before + 1);
  });

  it('the api serves /metrics without a token and times each request under its route pattern, not its path', async () => {
    const requests = async () => {
      const response = await fetch(`${system.services.apiUrl}/metrics`);
      expect(response.status).toBe(200);
      const labels = { service: 'api', method: 'GET', route: '/api/charge-points/:identity', status: '200' };
      return seriesValue(await response.text(), 'voltstream_api_request_duration_seconds_count', labels);
    };
    const before = await requests();
    expect((await system.api(`/api/charge-points/${IDENTITY}`)).status).toBe(200);
    expect(await requests()).toBe(before + 1);
  });

  it('the authorization service and the state projection serve Node process metrics on their health port', async () => {
    expect(await scrape('authorization')).toMatch(/^process_resident_memory_bytes\{service="authorization"\} [1-9]/m);
    expect(await scrape('state-projection')).toMatch(/^process_resident_memory_bytes\{service="state-projection"\} [1-9]/m);
  });
});
