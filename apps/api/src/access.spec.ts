import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../test-support/api-harness';

describe('API access, health, OpenAPI and connection info', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ env: { GATEWAY_PORT: '9123', UNKNOWN_CHARGE_POINTS: 'accept' } });
  });
  afterAll(() => t?.close());

  it('refuses a request without a token, or with a wrong one, with 401', async () => {
    expect((await t.request('GET', '/api/charge-points', { token: null })).status).toBe(401);
    expect((await t.request('GET', '/api/charge-points', { token: 'wrong' })).status).toBe(401);
    expect((await t.request('GET', '/api/charge-points', { token: `${t.api.token}x` })).status).toBe(401);
    expect((await t.request('GET', '/api/charge-points')).status).toBe(200);
  });

  it('answers health without a token, with NATS and Postgres up', async () => {
    const health = await t.request('GET', '/api/health', { token: null });
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', info: { nats: { status: 'up' }, postgres: { status: 'up' } } });
  });

  it('serves the OpenAPI document, generated from the code, with the bearer scheme', async () => {
    const document = await t.request('GET', '/api/docs-json', { token: null });
    expect(document.status).toBe(200);
    expect(document.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/charge-points/{identity}',
        '/api/charge-points/{identity}/connectors/{connectorId}/availability',
        '/api/transactions',
        '/api/tags/{idTag}',
      ]),
    );
    expect(document.body.components.schemas.PutChargePointBody.properties.startMode.enum).toContain('bothLists');
    expect((await t.request('GET', '/api/docs', { token: null })).status).toBe(200);
  });

  it('tells what to enter into a wallbox: URL from the host reached and GATEWAY_PORT, subprotocol, policy', async () => {
    const info = await t.request('GET', '/api/connection-info');
    expect(info.body).toEqual({
      baseUrl: 'ws://127.0.0.1:9123',
      urlPattern: 'ws://127.0.0.1:9123/ocpp/{identity}',
      subprotocol: 'ocpp1.6',
      tls: false,
      passwordRequired: false,
      unknownChargePoints: 'accept',
      defaultStartMode: 'centralList',
    });
    const forOne = await t.request('GET', '/api/connection-info?identity=CP%3A7');
    expect(forOne.body).toMatchObject({ url: 'ws://127.0.0.1:9123/ocpp/CP%3A7', passwordRequired: false, state: null });
    expect((await t.request('GET', '/api/connection-info?identity=no%20spaces')).status).toBe(400);
  });
});

describe('API configuration', () => {
  it('uses PUBLIC_GATEWAY_URL when set, and generates a token when API_TOKEN is not set', async () => {
    const t = await startTestApi({ env: { API_TOKEN: '', PUBLIC_GATEWAY_URL: 'wss://ocpp.example.com/' } });
    try {
      expect(t.api.token).toMatch(/^[\w-]{32}$/);
      expect((await t.request('GET', '/api/connection-info', { token: null })).status).toBe(401);
      const info = await t.request('GET', '/api/connection-info');
      expect(info.body).toMatchObject({ baseUrl: 'wss://ocpp.example.com', urlPattern: 'wss://ocpp.example.com/ocpp/{identity}' });
    } finally {
      await t.close();
    }
  });
});
