import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../test-support/api-harness';
import { startTestProjection, type TestProjection } from '../test-support/projection';

describe('a write the read models do not show in time (no projection running yet)', () => {
  let t: TestApi;
  let projection: TestProjection | undefined;
  beforeAll(async () => {
    t = await startTestApi({ env: { READ_YOUR_WRITES_WAIT_MS: '200' } });
  });
  afterAll(async () => {
    await projection?.close();
    await t?.close();
  });

  it('answers 202 with the Location of what it wrote (GraphQL: NOT_YET_VISIBLE), and takes effect once the projection catches up', async () => {
    const adopted = await t.request('PUT', '/api/charge-points/CP-LAG', { body: { description: 'behind the barn' } });
    expect(adopted.status).toBe(202);
    expect(adopted.headers.get('location')).toBe('/api/charge-points/CP-LAG');
    expect(adopted.body).toMatchObject({ statusCode: 202, location: '/api/charge-points/CP-LAG' });
    expect(adopted.body.message).toContain('GET /api/charge-points/CP-LAG');
    expect((await t.lastEvent('ChargePointAdopted', 'CP-LAG'))?.data.description).toBe('behind the barn');

    const tagged = await t.request('PUT', '/api/tags/CARD%201', { body: { firstName: 'Ada' } });
    expect(tagged).toMatchObject({ status: 202, body: { location: '/api/tags/CARD%201' } });
    expect((await t.request('GET', '/api/charge-points/CP-LAG')).status).toBe(404);

    const mutation = await t.request('POST', '/graphql', { body: { query: 'mutation { saveTag(idTag: "CARD-GQL", input: { firstName: "Grace" }) { idTag } }' } });
    expect(mutation.body.errors[0]).toMatchObject({ message: expect.stringContaining('do not show it yet'), extensions: { code: 'NOT_YET_VISIBLE' } });
    expect((await t.lastEvent('TagSaved', null))?.data.tag.idTag).toBe('CARD-GQL');

    projection = await startTestProjection(t.env, t.config.databaseUrl);
    await expect.poll(async () => (await t.request('GET', '/api/charge-points/CP-LAG')).body.description, { timeout: 10_000 }).toBe('behind the barn');
    expect((await t.request('GET', '/api/tags/CARD%201')).body.firstName).toBe('Ada');
    expect((await t.request('GET', '/api/tags/CARD-GQL')).body.firstName).toBe('Grace');
  });
});
