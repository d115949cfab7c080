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
