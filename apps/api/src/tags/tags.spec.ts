import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '@voltstream/contracts';
import { startTestApi, type TestApi } from '../../test-support/api-harness';

const ada = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', info: 'fleet car 7' };

describe('tag lists (through the event log and the projection)', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ projection: true });
  });
  afterAll(() => t?.close());

  it('adds, replaces, lists and removes a central tag', async () => {
    const added = await t.request('PUT', '/api/tags/CARD-1', { body: { ...ada, expiresAt: '2030-01-01T00:00:00+01:00' } });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ idTag: 'CARD-1', ...ada, expiresAt: '2029-12-31T23:00:00.000Z', blocked: false, parentIdTag: null });
    expect((await t.lastEvent('TagSaved', null))?.data.tag.idTag).toBe('CARD-1');

    const replaced = await t.request('PUT', '/api/tags/CARD-1', { body: { firstName: 'Ada', blocked: true, parentIdTag: 'FLEET' } });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toEqual({
      idTag: 'CARD-1',
      firstName: 'Ada',
      lastName: '',
      email: '',
      info: '',
      expiresAt: null,
      blocked: true,
      parentIdTag: 'FLEET',
    });
    await t.request('PUT', '/api/tags/CARD-0', { body: ada });
    expect((await t.request('GET', '/api/tags')).body.map((tag: { idTag: string }) => tag.idTag)).toEqual(['CARD-0', 'CARD-1']);

    expect((await t.request('DELETE', '/api/tags/CARD-1')).status).toBe(204);
    expect((await t.lastEvent('TagRemoved', null))?.data).toEqual({ idTag: 'CARD-1' });
    expect((await t.request('GET', '/api/tags/CARD-1')).status).toBe(404);
    expect((await t.request('DELETE', '/api/tags/CARD-1')).status).toBe(404);
  });

  it("keeps an adopted charge point's local list", async () => {
    await t.request('PUT', '/api/charge-points/CP-LOCAL', { body: { startMode: 'localList' } });
    const added = await t.request('PUT', '/api/charge-points/CP-LOCAL/local-tags/NEIGHBOUR', { body: ada });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ idTag: 'NEIGHBOUR', email: 'ada@example.com' });
    expect((await t.lastEvent('LocalTagSaved', 'CP-LOCAL'))?.data.tag.idTag).toBe('NEIGHBOUR');
    expect((await t.request('GET', '/api/charge-points/CP-LOCAL/local-tags')).body).toHaveLength(1);
    expect((await t.request('GET', '/api/charge-points/CP-LOCAL/local-tags/NEIGHBOUR')).body.firstName).toBe('Ada');

    expect((await t.request('DELETE', '/api/charge-points/CP-LOCAL/local-tags/NEIGHBOUR')).status).toBe(204);
    expect((await t.request('GET', '/api/charge-points/CP-LOCAL/local-tags')).body).toEqual([]);
    expect((await t.request('DELETE', '/api/charge-points/CP-LOCAL/local-tags/NEIGHBOUR')).status).toBe(404);
  });

  it('refuses a local tag for a charge point that is only discovered (409) or unknown (404)', async () => {
    await t.record(createEvent('HeartbeatReceived', {}, 'CP-SEEN', new Date()));
    const conflict = await t.request('PUT', '/api/charge-points/CP-SEEN/local-tags/CARD', { body: ada });
    expect(conflict.status).toBe(409);
    expect(conflict.body.message).toBe('charge point CP-SEEN is not adopted: adopt it before giving it a local tag list');
    expect((await t.request('PUT', '/api/charge-points/CP-NONE/local-tags/CARD', { body: ada })).status).toBe(404);
    expect(await t.lastEvent('LocalTagSaved', 'CP-SEEN')).toBeNull();
  });
});
