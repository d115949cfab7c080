import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../test-support/api-harness';

const PAIRS = 30;
const ids = (count: number, prefix: string) => Array.from({ length: count }, (_, index) => `${prefix}-${index}`);

describe('concurrent writes: each is decided over the events of its aggregate, none is lost (real NATS, Postgres and projection)', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ projection: true });
  });
  afterAll(() => t?.close());

  it(`two concurrent PUTs of one charge point changing different fields both take effect (${PAIRS} pairs at once)`, async () => {
    const identities = ids(PAIRS, 'CP-RACE');
    await Promise.all(identities.map((identity) => t.request('PUT', `/api/charge-points/${identity}`, { body: { startMode: 'localList' } })));
    const answers = await Promise.all(
      identities.flatMap((identity) => [
        t.request('PUT', `/api/charge-points/${identity}`, { body: { startMode: 'anyTag' } }),
        t.request('PUT', `/api/charge-points/${identity}`, { body: { description: `bay of ${identity}` } }),
      ]),
    );
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    for (const identity of identities) {
      expect((await t.request('GET', `/api/charge-points/${identity}`)).body).toMatchObject({ startMode: 'anyTag', description: `bay of ${identity}` });
      expect((await t.lastEvent('ChargePointSettingsChanged', identity))?.data).toMatchObject({ startMode: 'anyTag', description: `bay of ${identity}` });
    }
  });

  it('two concurrent PUTs adopting a never-seen charge point: one adopts it (201), the other changes it (200), both fields kept', async () => {
    const identities = ids(PAIRS, 'CP-TWIN');
    const answers = await Promise.all(
      identities.map((identity) =>
        Promise.all([
          t.request('PUT', `/api/charge-points/${identity}`, { body: { startMode: 'anyTag' } }),
          t.request('PUT', `/api/charge-points/${identity}`, { body: { description: 'twin' } }),
        ]),
      ),
    );
    for (const [index, pair] of answers.entries()) {
      expect(pair.map((answer) => answer.status).sort()).toEqual([200, 201]);
      expect((await t.request('GET', `/api/charge-points/${identities[index]}`)).body).toMatchObject({ startMode: 'anyTag', description: 'twin' });
    }
  });

  it('concurrent PUTs of different local tags of one charge point all take effect, beside a settings change (10 at once)', async () => {
    await t.request('PUT', '/api/charge-points/CP-LOCAL-RACE', { body: { startMode: 'localList' } });
    const tags = ids(10, 'LOCAL');
    const answers = await Promise.all([
      ...tags.map((idTag) => t.request('PUT', `/api/charge-points/CP-LOCAL-RACE/local-tags/${idTag}`, { body: { info: idTag } })),
      t.request('PUT', '/api/charge-points/CP-LOCAL-RACE', { body: { description: 'shared garage' } }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, ...tags.map(() => 201)]);
    const listed = (await t.request('GET', '/api/charge-points/CP-LOCAL-RACE/local-tags')).body as { idTag: string; info: string }[];
    expect(listed.map((tag) => tag.idTag).sort()).toEqual([...tags].sort());
    expect(listed.every((tag) => tag.info === tag.idTag)).toBe(true);
    expect((await t.request('GET', '/api/charge-points/CP-LOCAL-RACE')).body.description).toBe('shared garage');
  });

  it(`two concurrent PUTs adding one local tag: one adds it (201), the other replaces it (200) (${PAIRS} charge points at once)`, async () => {
    const identities = ids(PAIRS, 'CP-LOCAL-TWIN');
    await Promise.all(identities.map((identity) => t.request('PUT', `/api/charge-points/${identity}`, { body: { startMode: 'localList' } })));
    const answers = await Promise.all(
      identities.map((identity) =>
        Promise.all([
          t.request('PUT', `/api/charge-points/${identity}/local-tags/TWIN`, { body: { firstName: 'Ada' } }),
          t.request('PUT', `/api/charge-points/${identity}/local-tags/TWIN`, { body: { firstName: 'Grace' } }),
        ]),
      ),
    );
    for (const [index, pair] of answers.entries()) {
      expect(pair.map((answer) => answer.status).sort()).toEqual([200, 201]);
      const replaced = pair.find((answer) => answer.status === 200)?.body;
      expect((await t.request('GET', `/api/charge-points/${identities[index]}/local-tags/TWIN`)).body).toEqual(replaced);
    }
  });

  it(`two concurrent PUTs adding one central tag: one adds it (201), the other replaces it (200) (${PAIRS} pairs at once)`, async () => {
    const tags = ids(PAIRS, 'CARD-RACE');
    const answers = await Promise.all(
      tags.map((idTag) =>
        Promise.all([
          t.request('PUT', `/api/tags/${idTag}`, { body: { firstName: 'Ada' } }),
          t.request('PUT', `/api/tags/${idTag}`, { body: { firstName: 'Grace' } }),
        ]),
      ),
    );
    for (const [index, pair] of answers.entries()) {
      expect(pair.map((answer) => answer.status).sort()).toEqual([200, 201]);
      const replaced = pair.find((answer) => answer.status === 200)?.body;
      expect((await t.request('GET', `/api/tags/${tags[index]}`)).body).toEqual(replaced);
    }
  });

  it('a DELETE of a central tag beside a PUT of it is decided after it or before it, never over a stale entry', async () => {
    const tags = ids(PAIRS, 'CARD-GONE');
    await Promise.all(tags.map((idTag) => t.request('PUT', `/api/tags/${idTag}`, { body: { firstName: 'Old' } })));
    const answers = await Promise.all(
      tags.map((idTag) => Promise.all([t.request('PUT', `/api/tags/${idTag}`, { body: { firstName: 'New' } }), t.request('DELETE', `/api/tags/${idTag}`)])),
    );
    for (const [index, [put, remove]] of answers.entries()) {
      const now = await t.request('GET', `/api/tags/${tags[index]}`);
      // Either the PUT replaced the entry and the DELETE removed it after, or the DELETE came first and the PUT added it anew.
      if (now.status === 404) expect([put.status, remove.status]).toEqual([200, 204]);
      else expect([put.status, remove.status, now.body.firstName]).toEqual([201, 204, 'New']);
    }
  });
});
