import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createEvent } from '@voltstream/contracts';
import { openReadModels } from '@voltstream/read-models';
import { startTestApi, type TestApi } from '../../test-support/api-harness';

const status = (connectorId: number, value: 'Available' | 'Reserved' = 'Available') =>
  createEvent('ConnectorStatusChanged', { connectorId, status: value, errorCode: 'NoError' }, 'CP-P', new Date());

describe('parked events (the projection parks what it cannot apply; the API lists and retries them)', () => {
  let t: TestApi;
  let db: DataSource;

  beforeAll(async () => {
    t = await startTestApi({ projection: true });
    db = await openReadModels(t.config.databaseUrl);
    await t.record(status(-1));
    await t.record(status(1));
  });
  afterAll(async () => {
    await db?.destroy();
    await t?.close();
  });

  it('lists a parked event with its error, while the events after it are projected', async () => {
    const { status: code, body } = await t.request('GET', '/api/parked-events?consumer=state-projection');
    expect(code).toBe(200);
    expect(body).toEqual({
      total: 1,
      items: [
        {
          id: expect.any(Number),
          consumer: 'state-projection',
          sequence: 1,
          eventType: 'ConnectorStatusChanged',
          chargePoint: 'CP-P',
          error: expect.stringContaining('data.connectorId must be an integer from 0'),
          attempts: 1,
          parkedAt: expect.any(String),
          state: 'parked',
          retries: 0,
          retriedAt: null,
          retryError: null,
        },
      ],
    });
    expect((await t.request('GET', '/api/charge-points/CP-P/connectors/1')).body).toMatchObject({ status: 'Available' });
    expect((await t.request('GET', '/api/parked-events?consumer=authorization-auto-start')).body).toEqual({ total: 0, items: [] });
  });

  it('lists them in GraphQL too', async () => {
    const response = await fetch(`http://127.0.0.1:${t.api.port}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.api.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ parkedEvents(consumer: "state-projection", limit: 10) { total items { sequence eventType chargePoint state attempts } } }' }),
    });
    expect(await response.json()).toEqual({
      data: { parkedEvents: { total: 1, items: [{ sequence: 1, eventType: 'ConnectorStatusChanged', chargePoint: 'CP-P', state: 'parked', attempts: 1 }] } },
    });
  });

  it('refuses a bad page or filter naming the field, and a request without the token', async () => {
    const bad = await t.request('GET', '/api/parked-events?limit=0&state=lost');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(expect.arrayContaining([expect.stringContaining('limit'), expect.stringContaining('state')]));
    expect((await t.request('POST', '/api/parked-events/x/retry')).status).toBe(400);
    expect((await t.request('POST', '/api/parked-events/99999/retry')).status).toBe(404);
    expect((await t.request('GET', '/api/parked-events', { token: null })).status).toBe(401);
  });

  it('answers 409 and records the error when a retry still fails', async () => {
    const [parked] = (await t.request('GET', '/api/parked-events')).body.items;
    const retry = await t.request('POST', `/api/parked-events/${parked.id}/retry`);
    expect(retry).toMatchObject({ status: 409, body: { message: expect.stringContaining('still cannot be applied') } });
    expect((await t.request('GET', '/api/parked-events')).body.items[0]).toMatchObject({ state: 'parked', retries: 1, retryError: expect.stringContaining('data.connectorId') });
  });

  it('applies a parked event once its cause is fixed, and shows it resolved', async () => {
    await db.query(`ALTER TABLE connectors ADD CONSTRAINT no_reservations_in_spec CHECK (status <> 'Reserved')`);
    await t.record(status(2, 'Reserved'));
    const { items } = (await t.request('GET', '/api/parked-events?state=parked')).body;
    const reserved = items.find((item: { sequence: number }) => item.sequence === 3);
    expect(reserved).toMatchObject({ error: expect.stringContaining('no_reservations_in_spec') });
    await db.query(`ALTER TABLE connectors DROP CONSTRAINT no_reservations_in_spec`);
    const retry = await t.request('POST', `/api/parked-events/${reserved.id}/retry`);
    expect(retry).toMatchObject({ status: 200, body: { id: reserved.id, state: 'resolved', retries: 1, retryError: null, retriedAt: expect.any(String) } });
    expect((await t.request('GET', '/api/charge-points/CP-P/connectors/2')).body).toMatchObject({ status: 'Reserved' });
    expect((await t.request('POST', `/api/parked-events/${reserved.id}/retry`)).status).toBe(409);
  });
});
