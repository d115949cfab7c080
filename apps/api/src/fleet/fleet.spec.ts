import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '@voltstream/contracts';
import { startTestApi, type TestApi } from '../../test-support/api-harness';

const at = new Date(Date.UTC(2026, 0, 15, 8));

describe('the fleet a page at a time, filtered in Postgres', () => {
  let t: TestApi;

  async function boot(identity: string, vendor: string, model: string): Promise<void> {
    const boot = { vendor, model, registrationStatus: 'Accepted' as const };
    await t.record(createEvent('ChargePointBooted', boot, identity, at));
  }

  beforeAll(async () => {
    t = await startTestApi({ projection: true });
    await boot('GARAGE-1', 'Keba', 'P30');
    await boot('GARAGE-2', 'Keba', 'P40');
    await boot('SHOP_1', 'Alfen', 'Eve');
    await boot('shopx2', 'Alfen', 'Eve');
    expect((await t.request('PUT', '/api/charge-points/GARAGE-2', { body: { startMode: 'centralList' } })).status).toBe(201);
  });
  afterAll(() => t?.close());

  const identities = (body: { items: { identity: string }[] }) => body.items.map(({ identity }) => identity);

  it('pages by identity with the total of matches and the fleet’s counts', async () => {
    const first = (await t.request('GET', '/api/fleet?limit=2')).body;
    expect(identities(first)).toEqual(['GARAGE-1', 'GARAGE-2']);
    expect(first).toMatchObject({ total: 4, discovered: 3 });
    expect(identities((await t.request('GET', '/api/fleet?limit=2&offset=2')).body)).toEqual(['SHOP_1', 'shopx2']);
  });

  it('filters by a part of identity, vendor or model in any case, and by state', async () => {
    expect(identities((await t.request('GET', '/api/fleet?search=keba')).body)).toEqual(['GARAGE-1', 'GARAGE-2']);
    expect(identities((await t.request('GET', '/api/fleet?search=p4')).body)).toEqual(['GARAGE-2']);
    expect(identities((await t.request('GET', '/api/fleet?search=SHOP_')).body)).toEqual(['SHOP_1']);
    const discovered = (await t.request('GET', '/api/fleet?state=discovered&search=garage')).body;
    expect(identities(discovered)).toEqual(['GARAGE-1']);
    expect(discovered.total).toBe(1);
  });

  it('answers the same page over GraphQL', async () => {
    const query = '{ fleet(search: "alfen", limit: 1) { total items { identity vendor model } } }';
    const answer = await t.request('POST', '/graphql', { body: { query } });
    expect(answer.body).toEqual({ data: { fleet: { total: 2, items: [{ identity: 'SHOP_1', vendor: 'Alfen', model: 'Eve' }] } } });
  });

  it('refuses a bad filter with 400 naming the parameter', async () => {
    for (const [query, named] of [
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['offset=-1', 'offset'],
      ['state=lost', 'state'],
      ['online=maybe', 'online'],
    ]) {
      const answer = await t.request('GET', `/api/fleet?${query}`);
      expect(answer.status, query).toBe(400);
      expect(JSON.stringify(answer.body), query).toContain(named);
    }
  });
});
