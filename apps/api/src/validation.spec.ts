import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../test-support/api-harness';

describe('request validation', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(() => t?.close());

  const badRequest = async (method: string, path: string, body?: unknown) => {
    const answer = await t.request(method, path, { body });
    expect(answer.status, JSON.stringify(answer.body)).toBe(400);
    expect(answer.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    return answer.body.message as string[];
  };

  it('names an unknown startMode and the values allowed', async () => {
    expect(await badRequest('PUT', '/api/charge-points/CP1', { startMode: 'sometimes' })).toEqual([
      'startMode must be one of the following values: auto, anyTag, centralList, localList, bothLists',
    ]);
  });

  it('refuses relaxations that are not all known ones', async () => {
    expect(await badRequest('PUT', '/api/charge-points/CP1', { relaxations: ['acceptNumericStrings', 'anything'] })).toEqual([
      'each value in relaxations must be one of the following values: truncateOverlongStrings, ignoreUnknownProperties, acceptNumericStrings',
    ]);
    expect(await badRequest('PUT', '/api/charge-points/CP1', { relaxations: 'acceptNumericStrings' })).toContain(
      'relaxations must be an array',
    );
  });

  it('refuses a property the body does not have', async () => {
    expect(await badRequest('PUT', '/api/charge-points/CP1', { startMode: 'auto', colour: 'red' })).toEqual([
      'property colour should not exist',
    ]);
  });

  it('refuses id tags that are empty or longer than 20 characters', async () => {
    const tooLong = 'T'.repeat(21);
    expect(await badRequest('PUT', `/api/tags/${tooLong}`, {})).toEqual(['idTag must be shorter than or equal to 20 characters']);
    expect(await badRequest('POST', '/api/charge-points/CP1/remote-start', { idTag: '' })).toEqual([
      'idTag must be longer than or equal to 1 characters',
    ]);
    expect(await badRequest('PUT', '/api/charge-points/CP1', { autoStartIdTag: tooLong })).toEqual([
      'autoStartIdTag must be shorter than or equal to 20 characters',
    ]);
    expect(await badRequest('PUT', '/api/tags/CARD', { parentIdTag: tooLong })).toEqual([
      'parentIdTag must be shorter than or equal to 20 characters',
    ]);
  });

  it('refuses a bad email, expiry date or blocked flag of a tag', async () => {
    expect(await badRequest('PUT', '/api/tags/CARD', { email: 'not-an-email', expiresAt: 'tomorrow', blocked: 'yes' })).toEqual(
      expect.arrayContaining([
        'email must be an email',
        'expiresAt must be a valid ISO 8601 date string',
        'blocked must be a boolean value',
      ]),
    );
    expect(await badRequest('PUT', '/api/charge-points/CP1/local-tags/CARD', { email: 'a@' })).toEqual(['email must be an email']);
  });

  it('refuses bad command bodies and bad identities', async () => {
    expect(await badRequest('POST', '/api/charge-points/CP1/reset', { type: 'Warm' })).toEqual([
      'type must be one of the following values: Hard, Soft',
    ]);
    expect(await badRequest('POST', '/api/charge-points/CP1/connectors/1/availability', {})).toEqual(['available must be a boolean value']);
    expect(await badRequest('POST', '/api/charge-points/CP1/connectors/x/availability', { available: true })).toContain(
      'connectorId must be an integer number',
    );
    expect(await badRequest('POST', '/api/charge-points/CP1/trigger', { message: 'Everything' })).toEqual([
      'message must be one of the following values: BootNotification, DiagnosticsStatusNotification, FirmwareStatusNotification, Heartbeat, MeterValues, StatusNotification',
    ]);
    expect(await badRequest('GET', `/api/charge-points/${'C'.repeat(49)}`)).toEqual([
      'identity must be 1 to 48 characters of letters, digits and -_.:*',
    ]);
    expect(await badRequest('GET', '/api/transactions?limit=0&active=maybe')).toEqual(
      expect.arrayContaining(['limit must not be less than 1', 'active must be a boolean value']),
    );
    expect(await badRequest('GET', '/api/transactions?cursor=garbage')).toEqual(['cursor is not valid']);
  });

  it('refuses path parameters and body integers out of their range, naming them, before any query', async () => {
    for (const id of ['2147483648', '-2147483649', '99999999999999999999', 'abc', '1.5', 'Infinity']) {
      expect(await badRequest('GET', `/api/transactions/${id}`), id).toEqual(expect.arrayContaining([expect.stringMatching(/^id must/)]));
    }
    expect(await badRequest('GET', '/api/transactions/2147483648')).toEqual(['id must not be greater than 2147483647']);
    for (const connectorId of ['-1', '2147483648', 'x']) {
      const reasons = await badRequest('POST', `/api/charge-points/CP1/connectors/${connectorId}/availability`, { available: true });
      expect(reasons, connectorId).toEqual(expect.arrayContaining([expect.stringMatching(/^connectorId must/)]));
      expect(await badRequest('GET', `/api/charge-points/CP1/connectors/${connectorId}/meter-values`), connectorId).toEqual(
        expect.arrayContaining([expect.stringMatching(/^connectorId must/)]),
      );
    }
    expect(await badRequest('POST', '/api/charge-points/CP1/remote-stop', { transactionId: 2 ** 31 })).toEqual([
      'transactionId must not be greater than 2147483647',
    ]);
    expect(await badRequest('POST', '/api/charge-points/CP1/unlock', { connectorId: 2 ** 40 })).toEqual(['connectorId must not be greater than 2147483647']);
    const farCursor = Buffer.from(JSON.stringify({ before: 2 ** 40 })).toString('base64url');
    expect(await badRequest('GET', `/api/transactions?cursor=${farCursor}`)).toEqual(['cursor is not valid']);
  });

  it('refuses a body nested deeper than 16 levels before anything walks it, however deep', async () => {
    const nested = (levels: number): unknown => (levels === 0 ? 'x' : { a: nested(levels - 1) });
    const reason = ['body nests objects or arrays deeper than 16 levels'];
    expect(await badRequest('PUT', '/api/charge-points/CP1', { description: nested(16) })).toEqual(reason);
    const frame = `{"description":${'{"a":'.repeat(2500)}1${'}'.repeat(2500)}}`;
    const deep = await fetch(`http://127.0.0.1:${t.api.port}/api/tags/CARD`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${t.api.token}`, 'content-type': 'application/json' },
      body: frame,
    });
    expect({ status: deep.status, body: await deep.json() }).toMatchObject({ status: 400, body: { message: reason } });
    expect(await badRequest('PUT', '/api/charge-points/CP1', { relaxations: JSON.parse(`${'['.repeat(100)}${']'.repeat(100)}`) })).toEqual(reason);
    const shallower = await badRequest('PUT', '/api/charge-points/CP1', { description: nested(15) });
    expect(shallower).toContain('description must be a string');
    expect(shallower).not.toEqual(expect.arrayContaining(reason));
  });

  it('refuses a body over 100 kB with 413', async () => {
    const answer = await t.request('PUT', '/api/tags/CARD', { body: { info: 'x'.repeat(101 * 1024) } });
    expect(answer).toMatchObject({ status: 413, body: { statusCode: 413 } });
  });

  it('answers 404 for an unknown charge point, its parts, and an unknown transaction', async () => {
    for (const path of [
      '/api/charge-points/NOPE',
      '/api/charge-points/NOPE/connectors/1',
      '/api/charge-points/NOPE/connectors/1/meter-values',
      '/api/charge-points/NOPE/local-tags',
      '/api/transactions/4711',
      '/api/tags/NOPE',
    ]) {
      const answer = await t.request('GET', path);
      expect(answer.status, path).toBe(404);
    }
    expect((await t.request('DELETE', '/api/charge-points/NOPE')).body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'charge point NOPE not found',
    });
    expect((await t.request('POST', '/api/charge-points/NOPE/reset', { body: { type: 'Soft' } })).status).toBe(404);
  });
});
