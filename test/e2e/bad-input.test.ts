import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloseInfo, SimulatedChargePoint } from '@voltstream/simulator';
import { RawWallbox } from './support/raw-wallbox';
import { startSystem, type System } from './support/system';
import type { ChargePointView, ErrorBody, TagView } from './support/views';
import { adoptedWallbox, chargePoint, eventually, SLOW_MS } from './support/wallboxes';

const KNOWN = 'YARD-1';
const TWENTY_ONE = 'ABCDEFGHIJKLMNOPQRSTU';

/** `{"a":{"a":…1…}}`, `levels` objects deep. */
function nestedLevels(levels: number): unknown {
  return JSON.parse(`${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`);
}

/** The reasons of an error answer, as one text to search. */
function reasons(body: ErrorBody): string {
  return [body.message].flat().join('; ');
}

describe('bad input is refused clearly and changes nothing (end to end)', () => {
  let system: System;
  let wallbox: SimulatedChargePoint;

  beforeAll(async () => {
    system = await startSystem();
    wallbox = await adoptedWallbox(system, KNOWN, { startMode: 'localList' });
    expect((await system.api('/api/tags/GOOD-TAG', { method: 'PUT', body: { firstName: 'Gina', email: 'gina@example.com' } })).status).toBe(201);
    expect((await system.api(`/api/charge-points/${KNOWN}/local-tags/LOCAL-TAG`, { method: 'PUT', body: { firstName: 'Lou' } })).status).toBe(201);
  });
  afterAll(async () => {
    await wallbox?.close();
    await system?.stop();
  });

  describe('operator API', () => {
    it.each([
      ['an unknown charge point', '/api/charge-points/NO-SUCH-CP', 'NO-SUCH-CP'],
      ['an unknown connector', `/api/charge-points/${KNOWN}/connectors/9`, 'connector 9'],
      ['the meter values of an unknown connector', `/api/charge-points/${KNOWN}/connectors/9/meter-values`, 'connector 9'],
      ['an unknown transaction', '/api/transactions/123456', '123456'],
      ['an unknown central tag', '/api/tags/NO-SUCH-TAG', 'NO-SUCH-TAG'],
      ['the local list of an unknown charge point', '/api/charge-points/NO-SUCH-CP/local-tags', 'NO-SUCH-CP'],
    ])('%s is 404, naming what is unknown', async (_what, path, named) => {
      const answer = await system.api<ErrorBody>(path);
      expect(answer.status).toBe(404);
      expect(reasons(answer.body)).toContain(named);
    });

    it.each([
      ['a charge point identity with a space', 'GET', '/api/charge-points/has%20space', undefined, 'identity'],
      ['a transaction id that is not a number', 'GET', '/api/transactions/abc', undefined, 'id'],
      ['a page size of 0', 'GET', '/api/transactions?limit=0', undefined, 'limit'],
      ['an active filter that is not a boolean', 'GET', '/api/transactions?active=maybe', undefined, 'active'],
      ['an unknown state filter', 'GET', '/api/charge-points?state=lost', undefined, 'state'],
      ['availability that is not a boolean', 'POST', `/api/charge-points/${KNOWN}/connectors/1/availability`, { available: 'yes' }, 'available'],
      ['a remote start with an empty tag', 'POST', `/api/charge-points/${KNOWN}/remote-start`, { idTag: '' }, 'idTag'],
      ['a remote start with a 21-character tag', 'POST', `/api/charge-points/${KNOWN}/remote-start`, { idTag: TWENTY_ONE }, 'idTag'],
      ['an unknown reset type', 'POST', `/api/charge-points/${KNOWN}/reset`, { type: 'Warm' }, 'type'],
      ['a trigger of an unknown message', 'POST', `/api/charge-points/${KNOWN}/trigger`, { message: 'Coffee' }, 'message'],
      ['a transaction id beyond 32 bits', 'GET', '/api/transactions/2147483648', undefined, 'id'],
      ['a negative connector id', 'POST', `/api/charge-points/${KNOWN}/connectors/-1/availability`, { available: true }, 'connectorId'],
      ['a connector id beyond 32 bits', 'GET', `/api/charge-points/${KNOWN}/connectors/2147483648`, undefined, 'connectorId'],
      ['a body nested 2,500 levels deep', 'PUT', '/api/tags/DEEP-TAG', { info: nestedLevels(2500) }, 'body nests'],
    ])('%s is 400, naming the field', async (_what, method, path, body, field) => {
      const answer = await system.api<ErrorBody>(path, { method, body });
      expect(answer.status).toBe(400);
      expect(reasons(answer.body)).toContain(field);
    });

    it('a command to an unknown charge point is 404; one to a connector the wallbox does not have gets its answer', async () => {
      const unknownCp = await system.api<ErrorBody>('/api/charge-points/NO-SUCH-CP/remote-start', { method: 'POST', body: { idTag: 'ANY' } });
      expect(unknownCp.status).toBe(404);
      expect(reasons(unknownCp.body)).toContain('NO-SUCH-CP');
      const unknownConnector = await system.api(`/api/charge-points/${KNOWN}/connectors/9/availability`, { method: 'POST', body: { available: false } });
      expect(unknownConnector).toEqual({ status: 200, body: { status: 'Rejected' } });
    });

    it('a body over 100 kB is 413, and nothing is stored', async () => {
      const answer = await system.api<ErrorBody>('/api/tags/HUGE-TAG', { method: 'PUT', body: { info: 'x'.repeat(101 * 1024) } });
      expect(answer.status).toBe(413);
      expect((await system.api('/api/tags/HUGE-TAG')).status).toBe(404);
    });

    it('a tag of 21 characters is refused, naming idTag, and the central list is unchanged', async () => {
      const before = (await system.api<TagView[]>('/api/tags')).body;
      const answer = await system.api<ErrorBody>(`/api/tags/${TWENTY_ONE}`, { method: 'PUT', body: { firstName: 'Too', lastName: 'Long' } });
      expect(answer.status).toBe(400);
      expect(reasons(answer.body)).toContain('idTag');
      expect((await system.api<TagView[]>('/api/tags')).body).toEqual(before);
    });

    it('an empty tag cannot be put into the central list (there is no such path: 404)', async () => {
      const answer = await system.api<ErrorBody>('/api/tags/', { method: 'PUT', body: { firstName: 'Nobody' } });
      expect(answer.status).toBe(404);
      expect((await system.api<TagView[]>('/api/tags')).body.map((tag) => tag.idTag)).toEqual(['GOOD-TAG']);
    });

    it('a parentIdTag of 21 characters is refused, naming parentIdTag', async () => {
      const answer = await system.api<ErrorBody>('/api/tags/CHILD-TAG', { method: 'PUT', body: { parentIdTag: TWENTY_ONE } });
      expect(answer.status).toBe(400);
      expect(reasons(answer.body)).toContain('parentIdTag');
      expect((await system.api('/api/tags/CHILD-TAG')).status).toBe(404);
    });

    it('a bad email is refused, naming email: a new tag is not added, an existing one keeps its entry', async () => {
      const added = await system.api<ErrorBody>('/api/tags/NEW-TAG', { method: 'PUT', body: { firstName: 'Nina', email: 'nina at example' } });
      expect(added.status).toBe(400);
      expect(reasons(added.body)).toContain('email');
      expect((await system.api('/api/tags/NEW-TAG')).status).toBe(404);

      const replaced = await system.api<ErrorBody>('/api/tags/GOOD-TAG', { method: 'PUT', body: { firstName: 'Greta', email: 'greta@' } });
      expect(replaced.status).toBe(400);
      expect(reasons(replaced.body)).toContain('email');
      expect((await system.api<TagView>('/api/tags/GOOD-TAG')).body).toMatchObject({ firstName: 'Gina', email: 'gina@example.com' });
    });

    it('a bad email in a local tag is refused and the local list is unchanged', async () => {
      const before = (await system.api<TagView[]>(`/api/charge-points/${KNOWN}/local-tags`)).body;
      const answer = await system.api<ErrorBody>(`/api/charge-points/${KNOWN}/local-tags/OTHER-TAG`, { method: 'PUT', body: { email: '@example.com' } });
      expect(answer.status).toBe(400);
      expect(reasons(answer.body)).toContain('email');
      expect((await system.api<TagView[]>(`/api/charge-points/${KNOWN}/local-tags`)).body).toEqual(before);
    });

    it('an unknown start mode is refused, naming startMode: a known charge point keeps its mode, an unknown one is not adopted', async () => {
      const changed = await system.api<ErrorBody>(`/api/charge-points/${KNOWN}`, { method: 'PUT', body: { startMode: 'whenever' } });
      expect(changed.status).toBe(400);
      expect(reasons(changed.body)).toContain('startMode');
      expect((await chargePoint(system, KNOWN)).startMode).toBe('localList');

      const adopted = await system.api<ErrorBody>('/api/charge-points/BRAND-NEW', { method: 'PUT', body: { startMode: 'whenever' } });
      expect(adopted.status).toBe(400);
      expect((await system.api('/api/charge-points/BRAND-NEW')).status).toBe(404);
    });

    it('start mode auto without an autoStartIdTag is refused, naming autoStartIdTag', async () => {
      const answer = await system.api<ErrorBody>(`/api/charge-points/${KNOWN}`, { method: 'PUT', body: { startMode: 'auto' } });
      expect(answer.status).toBe(400);
      expect(reasons(answer.body)).toContain('autoStartIdTag');
      expect((await chargePoint(system, KNOWN)).startMode).toBe('localList');
    });

    it('a field the API does not know is refused, naming it', async () => {
      const answer = await system.api<ErrorBody>(`/api/charge-points/${KNOWN}`, { method: 'PUT', body: { startmode: 'anyTag' } });
      expect(answer.status).toBe(400);
      expect(reasons(answer.body)).toContain('startmode');
      expect((await chargePoint(system, KNOWN)).startMode).toBe('localList');
    });
  });

  describe('wallbox side', () => {
    let raw: RawWallbox;
    const neighbourCloses: CloseInfo[] = [];

    beforeAll(async () => {
      wallbox.on('close', (info) => neighbourCloses.push(info));
      raw = await RawWallbox.connect(system.services.ocppUrl, 'BROKEN-FIRMWARE');
      await eventually(async () => expect((await chargePoint(system, 'BROKEN-FIRMWARE')).online).toBe(true));
    });
    afterAll(() => raw?.close());

    it('a frame that is not JSON, not an array, of an unknown type or a stray reply is dropped without an answer', async () => {
      raw.send('this is not json');
      raw.send('{"not":"an array"}');
      raw.send([7, 'type-7', 'Heartbeat', {}]);
      raw.send([3, 'nobody-asked', {}]);
      raw.send([2, 'after-garbage', 'Heartbeat', {}]);

      const answer = await raw.answerTo('after-garbage');
      expect(answer[0]).toBe(3);
      expect(raw.received).toEqual([answer]);
    });

    it.each([
      { what: 'an unknown action', action: 'MakeCoffee', payload: { strength: 'double' }, errorCode: 'NotImplemented' },
      { what: 'an action only a central system sends', action: 'RemoteStartTransaction', payload: { idTag: 'SELF-START' }, errorCode: 'NotSupported' },
      { what: 'a payload that is not an object', action: 'Heartbeat', payload: 'beat', errorCode: 'FormationViolation' },
      { what: 'a payload with a property the schema does not define', action: 'Heartbeat', payload: { mood: 'sleepy' }, errorCode: 'FormationViolation' },
      { what: 'an id tag longer than 20 characters', action: 'Authorize', payload: { idTag: TWENTY_ONE }, errorCode: 'PropertyConstraintViolation' },
      {
        what: 'a payload missing a required field',
        action: 'StatusNotification',
        payload: { connectorId: 1, errorCode: 'NoError' },
        errorCode: 'OccurenceConstraintViolation',
      },
      {
        what: 'a field of the wrong type',
        action: 'StatusNotification',
        payload: { connectorId: 'one', errorCode: 'NoError', status: 'Available' },
        errorCode: 'TypeConstraintViolation',
      },
      {
        what: 'a value outside its enumeration',
        action: 'StatusNotification',
        payload: { connectorId: 1, errorCode: 'NoError', status: 'Sleeping' },
        errorCode: 'PropertyConstraintViolation',
      },
    ])('$what is answered with CALLERROR $errorCode', async ({ what, action, payload, errorCode }) => {
      const uniqueId = `bad-${what.replace(/\W+/g, '-')}`.slice(0, 36);
      raw.send([2, uniqueId, action, payload]);
      const answer = await raw.answerTo(uniqueId);
      expect(answer.slice(0, 3)).toEqual([4, uniqueId, errorCode]);
      expect(typeof answer[3]).toBe('string');
    });

    it('a CALL without a payload is answered with CALLERROR FormationViolation', async () => {
      raw.send([2, 'three-elements', 'Heartbeat']);
      expect((await raw.answerTo('three-elements')).slice(0, 3)).toEqual([4, 'three-elements', 'FormationViolation']);
    });

    it('nothing of a refused message is recorded, and the wallbox stays connected and is served', async () => {
      expect(await chargePoint(system, 'BROKEN-FIRMWARE')).toMatchObject({ connectors: [], lastIdTag: null });
      expect(raw.open).toBe(true);

      raw.send([2, 'good-status', 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' }]);
      expect((await raw.answerTo('good-status')).slice(0, 3)).toEqual([3, 'good-status', {}]);
      await expect
        .poll(async () => (await chargePoint(system, 'BROKEN-FIRMWARE')).connectors.map((c) => c.status), { timeout: SLOW_MS })
        .toEqual(['Available']);
    });

    it('a second wallbox is undisturbed by the first one\'s garbage', async () => {
      expect(wallbox.online).toBe(true);
      expect(neighbourCloses).toEqual([]);
      expect((await wallbox.authorize('LOCAL-TAG')).idTagInfo.status).toBe('Accepted');
      await wallbox.statusNotification(2, 'Faulted', 'GroundFailure');
      await expect
        .poll(async () => (await system.api<ChargePointView>(`/api/charge-points/${KNOWN}`)).body.connectors[1], { timeout: SLOW_MS })
        .toMatchObject({ status: 'Faulted', errorCode: 'GroundFailure' });
    });

    it('a wallbox that sends nothing but garbage is closed, and only that one', async () => {
      const babbler = await RawWallbox.connect(system.services.ocppUrl, 'BABBLER');
      for (let frame = 0; frame < 25; frame++) babbler.send(`garbage ${frame}`);
      const closed = await babbler.closed;
      expect(closed.code).toBe(1002);
      expect(raw.open).toBe(true);
      expect(wallbox.online).toBe(true);
    });
  });
});
