import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Subscription } from 'nats';
import { ensureStreams } from '@voltstream/nats';
import { countEvents, lastEvent } from '@voltstream/testing';
import { ACCEPT_ALL, standInForAuthorization, type Decisions } from './support/authorization-stand-in';
import { GatewayTestbed } from './support/gateway-under-test';
import { TestWallbox, type Frame } from './support/wallbox';

const at = '2026-03-01T12:00:00.000Z';
const status = (connectorId: number, state = 'Available') => ({ connectorId, status: state, errorCode: 'NoError', timestamp: at });

describe('OCPP gateway: calls from a wallbox', () => {
  const testbed = new GatewayTestbed();
  const decisions: Decisions = { ...ACCEPT_ALL };
  let stand: Subscription[];
  let url: string;

  beforeAll(async () => {
    await testbed.setUp();
    stand = standInForAuthorization(testbed.nc, testbed.subjects, decisions);
    await testbed.adopt('RELAXED-1', { relaxations: ['truncateOverlongStrings'] });
    ({ url } = await testbed.startGateway({}, { authorizationTimeoutMs: 1000 }));
  });
  afterAll(async () => {
    for (const subscription of stand) subscription.unsubscribe();
    await testbed.tearDown();
  });

  const events = (identity: string, type: Parameters<typeof countEvents>[3]) => countEvents(testbed.nc, testbed.subjects, identity, type);

  it('records the event in JetStream before the answer reaches the wallbox', async () => {
    const wallbox = await TestWallbox.open(url, 'CP-ORDER');
    const answer = await wallbox.call('StatusNotification', status(1, 'Preparing'));
    const stored = await lastEvent(testbed.nc, testbed.subjects, 'CP-ORDER', 'ConnectorStatusChanged');
    expect(answer).toEqual([3, 'w1', {}]);
    expect(stored).toMatchObject({ type: 'ConnectorStatusChanged', data: { connectorId: 1, status: 'Preparing', errorCode: 'NoError', timestamp: at } });
    await wallbox.close();
  });

  it('records the connection and the disconnection', async () => {
    const wallbox = await TestWallbox.open(url, 'CP-CONN');
    await wallbox.close();
    await expect.poll(() => events('CP-CONN', 'ChargePointDisconnected')).toBe(1);
    expect(await events('CP-CONN', 'ChargePointConnected')).toBe(1);
    const connected = await lastEvent(testbed.nc, testbed.subjects, 'CP-CONN', 'ChargePointConnected');
    const disconnected = await lastEvent(testbed.nc, testbed.subjects, 'CP-CONN', 'ChargePointDisconnected');
    expect(disconnected?.data).toMatchObject({ connectionId: (connected?.data as { connectionId: string }).connectionId });
  });

  it('answers BootNotification with the decision of the authorization service and records it', async () => {
    decisions.boot = () => ({ status: 'Pending', interval: 42 });
    const wallbox = await TestWallbox.open(url, 'CP-BOOT');
    const answer = await wallbox.call('BootNotification', { chargePointVendor: 'Acme', chargePointModel: 'One' });
    expect(answer[2]).toMatchObject({ status: 'Pending', interval: 42 });
    expect(Date.parse((answer[2] as { currentTime: string }).currentTime)).not.toBeNaN();
    expect(await lastEvent(testbed.nc, testbed.subjects, 'CP-BOOT', 'ChargePointBooted')).toMatchObject({
      data: { vendor: 'Acme', model: 'One', registrationStatus: 'Pending' },
    });
    decisions.boot = ACCEPT_ALL.boot;
    await wallbox.close();
  });

  it('answers a transaction start with the transaction id it was given', async () => {
    const wallbox = await TestWallbox.open(url, 'CP-TX');
    const answer = await wallbox.call('StartTransaction', { connectorId: 1, idTag: 'TAG-1', meterStart: 100, timestamp: at });
    expect(answer).toEqual([3, 'w1', { transactionId: 1001, idTagInfo: { status: 'Accepted' } }]);
    expect(await lastEvent(testbed.nc, testbed.subjects, 'CP-TX', 'TransactionStarted')).toMatchObject({ data: { transactionId: 1001, idTag: 'TAG-1' } });
    await wallbox.close();
  });

  it('stores a retried CALL (same unique id, same content) once, but a reused unique id with other content again', async () => {
    const wallbox = await TestWallbox.open(url, 'CP-RETRY');
    await wallbox.call('StatusNotification', status(2, 'Charging'), 'same-id');
    await wallbox.close();
    const again = await TestWallbox.open(url, 'CP-RETRY');
    expect(await again.call('StatusNotification', status(2, 'Charging'), 'same-id')).toEqual([3, 'same-id', {}]);
    expect(await events('CP-RETRY', 'ConnectorStatusChanged')).toBe(1);
    await again.call('StatusNotification', status(2, 'Finishing'), 'same-id');
    expect(await events('CP-RETRY', 'ConnectorStatusChanged')).toBe(2);
    await again.close();
  });

  it.each<[string, string, string]>([
    ['an unknown action', 'NotImplemented', JSON.stringify([2, 'u1', 'FlyToTheMoon', {}])],
    ['an action only a central system sends', 'NotSupported', JSON.stringify([2, 'u1', 'RemoteStartTransaction', { idTag: 'A' }])],
    ['a missing required field', 'OccurenceConstraintViolation', JSON.stringify([2, 'u1', 'StatusNotification', { connectorId: 1, errorCode: 'NoError' }])],
    ['a field of the wrong type', 'TypeConstraintViolation', JSON.stringify([2, 'u1', 'StatusNotification', { ...status(1), connectorId: 'one' }])],
    ['a value outside its enumeration', 'PropertyConstraintViolation', JSON.stringify([2, 'u1', 'StatusNotification', status(1, 'Dancing')])],
    ['a CALL with a payload that is not an object', 'FormationViolation', JSON.stringify([2, 'u1', 'Heartbeat', []])],
  ])('answers %s with CALLERROR %s and keeps the wallbox connected', async (_case, code, frame) => {
    const wallbox = await TestWallbox.open(url, 'CP-BAD');
    wallbox.sendRaw(frame);
    const error = await wallbox.waitFor((received) => received[1] === 'u1');
    expect(error.slice(0, 3)).toEqual([4, 'u1', code]);
    expect(await wallbox.call('Heartbeat', {})).toMatchObject({ 0: 3, 1: 'w1' });
    await wallbox.close();
  });

  it.each<[string, string | Buffer]>([
    ['text that is not JSON', '{[2, "x"'],
    ['JSON that is not an array', '{"hello":"world"}'],
    ['an unknown message type', JSON.stringify([7, 'x', 'Heartbeat', {}])],
    ['a binary frame', Buffer.from([2, 0, 1])],
    ['a reply to no pending call', JSON.stringify([3, 'never-sent', {}])],
  ])('drops %s without an answer, and the wallbox stays connected', async (_case, frame) => {
    const wallbox = await TestWallbox.open(url, 'CP-DROP');
    wallbox.sendRaw(frame);
    expect(await wallbox.call('Heartbeat', {})).toMatchObject({ 0: 3, 1: 'w1' });
    expect(wallbox.received).toHaveLength(1);
    await wallbox.close();
  });

  it('repairs what the relaxations of an adopted charge point allow, and is strict with a discovered one', async () => {
    const boot = { chargePointVendor: 'A-vendor-name-longer-than-twenty', chargePointModel: 'M' };
    const relaxed = await TestWallbox.open(url, 'RELAXED-1');
    expect(await relaxed.call('BootNotification', boot)).toMatchObject({ 0: 3, 1: 'w1', 2: { status: 'Accepted' } });
    expect(await lastEvent(testbed.nc, testbed.subjects, 'RELAXED-1', 'ChargePointBooted')).toMatchObject({ data: { vendor: 'A-vendor-name-longer' } });
    const strict = await TestWallbox.open(url, 'STRICT-1');
    expect(await strict.call('BootNotification', boot)).toMatchObject({ 0: 4, 1: 'w1', 2: 'PropertyConstraintViolation' });
    await Promise.all([relaxed.close(), strict.close()]);
  });

  it('closes a connection after 20 malformed frames in a row, leaving other wallboxes undisturbed', async () => {
    const neighbour = await TestWallbox.open(url, 'CP-NEIGHBOUR');
    const noisy = await TestWallbox.open(url, 'CP-NOISY');
    for (let i = 0; i < 19; i++) noisy.sendRaw('garbage');
    expect(await noisy.call('Heartbeat', {})).toMatchObject({ 0: 3, 1: 'w1' });
    for (let i = 0; i < 20; i++) noisy.sendRaw('garbage');
    expect(await noisy.closed).toEqual({ code: 1002, reason: 'too many malformed frames' });
    expect(await neighbour.call('Heartbeat', {})).toMatchObject({ 0: 3, 1: 'w1' });
    await neighbour.close();
  });

  it('answers CALLERROR InternalError when the authorization service fails, and records nothing', async () => {
    decisions.authorize = () => {
      throw new Error('tag store unavailable');
    };
    const wallbox = await TestWallbox.open(url, 'CP-RPC-FAIL');
    expect(await wallbox.call('Authorize', { idTag: 'TAG-1' })).toMatchObject({ 0: 4, 1: 'w1', 2: 'InternalError' });
    expect(await events('CP-RPC-FAIL', 'IdTagPresented')).toBe(0);
    decisions.authorize = ACCEPT_ALL.authorize;
    expect(await wallbox.call('Authorize', { idTag: 'TAG-1' })).toEqual([3, 'w2', { idTagInfo: { status: 'Accepted' } }]);
    await wallbox.close();
  });

  it('answers CALLERROR InternalError when no authorization service answers', async () => {
    for (const subscription of stand.splice(0)) subscription.unsubscribe();
    const wallbox = await TestWallbox.open(url, 'CP-RPC-SILENT');
    expect(await wallbox.call('StopTransaction', { transactionId: 1, meterStop: 10, timestamp: at })).toMatchObject({ 0: 4, 1: 'w1', 2: 'InternalError' });
    stand = standInForAuthorization(testbed.nc, testbed.subjects, decisions);
    await testbed.nc.flush();
    await wallbox.close();
  });

  it('answers CALLERROR InternalError, never a false success, when the event cannot be stored', async () => {
    const wallbox = await TestWallbox.open(url, 'CP-NO-STREAM');
    await expect.poll(() => events('CP-NO-STREAM', 'ChargePointConnected')).toBe(1);
    await (await testbed.nc.jetstreamManager()).streams.delete(testbed.subjects.eventsStream);
    const answers: Frame[] = [
      await wallbox.call('StopTransaction', { transactionId: 1001, meterStop: 500, timestamp: at }),
      await wallbox.call('Heartbeat', {}),
    ];
    expect(answers.map((answer) => answer.slice(0, 3))).toEqual([
      [4, 'w1', 'InternalError'],
      [4, 'w2', 'InternalError'],
    ]);
    expect(wallbox.socket.readyState).toBe(wallbox.socket.OPEN);
    await ensureStreams(testbed.nc, testbed.subjects);
    await wallbox.close();
  });
});
