import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropDatabase } from '@voltstream/read-models';
import { startTestApi, type Answer, type TestApi } from '../test-support/api-harness';
import { CuttableLink } from '../test-support/cuttable-link';

const SLOW_MS = 15_000;

function expectUnavailable(answer: Answer, dependency: string): void {
  expect(answer.status).toBe(503);
  expect(answer.headers.get('retry-after')).toBe('5');
  expect(answer.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
  expect(answer.body.message).toContain(dependency);
}

describe('Postgres unreachable (the real server, the link to it cut): 503 with Retry-After, served again once it is back', () => {
  let link: CuttableLink;
  let t: TestApi;
  beforeAll(async () => {
    link = await CuttableLink.open({ host: '127.0.0.1', port: 5432 });
    const database = `voltstream_outage_${randomBytes(4).toString('hex')}`;
    t = await startTestApi({ env: { DATABASE_URL: `postgres://postgres@127.0.0.1:${link.port}/${database}` } });
  });
  afterAll(async () => {
    await link?.restore();
    await t?.close();
  });

  it('answers reads 503, not 500, while Postgres cannot be reached', async () => {
    expect((await t.request('GET', '/api/charge-points')).status).toBe(200);
    await link.cut();
    expectUnavailable(await t.request('GET', '/api/charge-points'), 'Postgres');
    expectUnavailable(await t.request('GET', '/api/transactions/7'), 'Postgres');
    expectUnavailable(await t.request('GET', '/api/tags'), 'Postgres');
    await link.restore();
    await expect.poll(async () => (await t.request('GET', '/api/charge-points')).status, { timeout: SLOW_MS }).toBe(200);
  });
});

describe('the read models database dropped under the API (Postgres terminates its connections)', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(() => t?.close());

  it('answers 503 with Retry-After, not 500', async () => {
    expect((await t.request('GET', '/api/tags')).status).toBe(200);
    await dropDatabase(t.config.databaseUrl);
    expectUnavailable(await t.request('GET', '/api/tags'), 'Postgres');
    expectUnavailable(await t.request('GET', '/api/transactions/7'), 'Postgres');
  });
});

describe('NATS unreachable (the real server, the link to it cut): 503 with Retry-After for what needs the log, reads still served', () => {
  let link: CuttableLink;
  let t: TestApi;
  beforeAll(async () => {
    link = await CuttableLink.open({ host: '127.0.0.1', port: 4222 });
    t = await startTestApi({ env: { NATS_URL: `nats://127.0.0.1:${link.port}`, READ_YOUR_WRITES_WAIT_MS: '100' } });
  });
  afterAll(async () => {
    await link?.restore();
    await t?.close();
  });

  it('answers writes and commands 503, not 500, while NATS cannot be reached, and stores writes again once it is back', async () => {
    await link.cut();
    expectUnavailable(await t.request('PUT', '/api/tags/CARD-1', { body: { firstName: 'Ada' } }), 'NATS');
    expectUnavailable(await t.request('POST', '/api/charge-points/CP-1/reset', { body: { type: 'Soft' } }), 'NATS');
    expect((await t.request('GET', '/api/tags')).status).toBe(200);
    await link.restore();
    // Stored, though no projection runs here to show it: 202.
    await expect.poll(async () => (await t.request('PUT', '/api/tags/CARD-1', { body: { firstName: 'Ada' } })).status, { timeout: SLOW_MS }).toBe(202);
  });
});
