import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Subscription } from 'nats';
import { parseWallboxCommandReply, type ChargePointConnected, type WallboxCommand } from '@voltstream/contracts';
import { countEvents, lastEvent } from '@voltstream/testing';
import { ACCEPT_ALL, standInForAuthorization, type Decisions } from './support/authorization-stand-in';
import { GatewayTestbed } from './support/gateway-under-test';
import { command } from './support/operator';
import { TestWallbox } from './support/wallbox';

const reset = { action: 'Reset', payload: { type: 'Soft' } };

describe('OCPP gateway: operator commands to a wallbox', () => {
  const testbed = new GatewayTestbed();
  const adopted = new Set<string>();
  const decisions: Decisions = { ...ACCEPT_ALL, boot: (identity) => ({ status: adopted.has(identity) ? 'Accepted' : 'Pending', interval: 30 }) };
  let stand: Subscription[];
  let url: string;

  beforeAll(async () => {
    await testbed.setUp();
    stand = standInForAuthorization(testbed.nc, testbed.subjects, decisions);
    ({ url } = await testbed.startGateway({ OCPP_CALL_TIMEOUT: '1' }));
  });
  afterAll(async () => {
    for (const subscription of stand) subscription.unsubscribe();
    await testbed.tearDown();
  });

  const send = (identity: string, body: WallboxCommand = reset) => command(testbed.nc, testbed.subjects, identity, body);

  /** The command subject is subscribed once the connection is recorded. */
  async function connected(identity: string): Promise<TestWallbox> {
    const wallbox = await TestWallbox.open(url, identity);
    await expect.poll(() => send(identity, { action: 'Reset', payload: {} }).then((reply) => reply.outcome, () => 'offline')).toBe('invalid');
    return wallbox;
  }

  it('delivers a command and replies with the wallbox answer', async () => {
    const wallbox = await connected('CMD-1');
    const reply = send('CMD-1', { action: 'UnlockConnector', payload: { connectorId: 2 } });
    const call = await wallbox.incomingCall('UnlockConnector');
    expect(call[3]).toEqual({ connectorId: 2 });
    wallbox.answer(call, { status: 'Unlocked' });
    expect(await reply).toEqual({ outcome: 'result', payload: { status: 'Unlocked' } });
    await wallbox.close();
  });

  it('refuses an invalid command without bothering the wallbox', async () => {
    const wallbox = await connected('CMD-2');
    expect(await send('CMD-2', { action: 'Reset', payload: { type: 'Sideways' } })).toMatchObject({ outcome: 'invalid' });
    expect(await send('CMD-2', { action: 'Heartbeat', payload: {} })).toMatchObject({ outcome: 'invalid' });
    expect(wallbox.received).toEqual([]);
    await wallbox.close();
  });

  it('answers a command that is not JSON or breaks its contract with invalid, naming why, and goes on serving the wallbox', async () => {
    const wallbox = await connected('CMD-9');
    const { gatewayId } = ((await lastEvent(testbed.nc, testbed.subjects, 'CMD-9', 'ChargePointConnected')) as ChargePointConnected).data;
    const raw = async (body: string) =>
      parseWallboxCommandReply((await testbed.nc.request(testbed.subjects.command(gatewayId, 'CMD-9'), body, { timeout: 5000 })).data);
    expect(await raw('{"action":')).toEqual({ outcome: 'invalid', reason: 'the command does not fit its contract: the message is not JSON' });
    expect(await raw('{"action":"Reset","payload":"Soft"}')).toEqual({
      outcome: 'invalid',
      reason: 'the command does not fit its contract: payload must be an object',
    });
    expect(await raw(`{"action":"Reset","payload":{"type":${'['.repeat(5000)}${']'.repeat(5000)}}}`)).toMatchObject({ outcome: 'invalid' });
    expect(wallbox.received).toEqual([]);

    // Claims that break their contract are ignored: the connection stays, and the next command reaches it.
    testbed.nc.publish(testbed.subjects.connectionClaimed('CMD-9'), '{"identity":"CMD-9","connectedAt":"later"}');
    testbed.nc.publish(testbed.subjects.connectionClaimed('CMD-9'), 'not JSON');
    const reply = send('CMD-9', { action: 'ClearCache', payload: {} });
    wallbox.answer(await wallbox.incomingCall('ClearCache'), { status: 'Accepted' });
    expect(await reply).toEqual({ outcome: 'result', payload: { status: 'Accepted' } });
    await wallbox.close();
  });

  it('records a charging profile the wallbox accepted before replying; a remote start\'s profile before the StartTransaction that follows', async () => {
    const wallbox = await connected('CMD-SC');
    const profile = { chargingProfileId: 1, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Relative', chargingSchedule: { chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 3700 }] } };
    const set = { action: 'SetChargingProfile', payload: { connectorId: 1, csChargingProfiles: profile } };
    const nextCall = (action: string) => wallbox.waitFor((frame) => frame[0] === 2 && frame[2] === action, wallbox.received.length);

    const refusedCall = nextCall('SetChargingProfile');
    const refused = send('CMD-SC', set);
    wallbox.answer(await refusedCall, { status: 'Rejected' });
    expect(await refused).toEqual({ outcome: 'result', payload: { status: 'Rejected' } });
    expect(await countEvents(testbed.nc, testbed.subjects, 'CMD-SC', 'ChargingProfileSet')).toBe(0);

    const acceptedCall = nextCall('SetChargingProfile');
    const accepted = send('CMD-SC', set);
    wallbox.answer(await acceptedCall, { status: 'Accepted' });
    expect(await accepted).toEqual({ outcome: 'result', payload: { status: 'Accepted' } });
    expect((await lastEvent(testbed.nc, testbed.subjects, 'CMD-SC', 'ChargingProfileSet'))?.data).toEqual({ connectorId: 1, chargingProfile: profile });

    const txProfile = { ...profile, chargingProfileId: 2, chargingProfilePurpose: 'TxProfile' };
    const startCall = nextCall('RemoteStartTransaction');
    const started = send('CMD-SC', { action: 'RemoteStartTransaction', payload: { idTag: 'CARD', chargingProfile: txProfile } });
    wallbox.answer(await startCall, { status: 'Accepted' });
    // The wallbox starts at once, as a real one does right after its answer.
    const transaction = wallbox.call('StartTransaction', { connectorId: 1, idTag: 'CARD', meterStart: 0, timestamp: new Date().toISOString() });
    expect(await started).toEqual({ outcome: 'result', payload: { status: 'Accepted' } });
    await transaction;
    const jsm = await testbed.nc.jetstreamManager();
    const sequenceOf = async (type: 'ChargingProfileSet' | 'TransactionStarted') =>
      (await jsm.streams.getMessage(testbed.subjects.eventsStream, { last_by_subj: testbed.subjects.event('station', 'CMD-SC', type) })).seq;
    expect(await sequenceOf('ChargingProfileSet')).toBeLessThan(await sequenceOf('TransactionStarted'));
    expect((await lastEvent(testbed.nc, testbed.subjects, 'CMD-SC', 'ChargingProfileSet'))?.data).toEqual({ connectorId: 0, chargingProfile: txProfile, remoteStartIdTag: 'CARD' });
    await wallbox.close();
  });

  it('keeps one call in flight and sends queued commands in order', async () => {
    const wallbox = await connected('CMD-3');
    const first = send('CMD-3', { action: 'ClearCache', payload: {} });
    const second = send('CMD-3', reset);
    const clearCache = await wallbox.incomingCall('ClearCache');
    await expect(wallbox.waitFor((frame) => frame[2] === 'Reset', 0, 300)).rejects.toThrow('did not arrive');
    wallbox.answer(clearCache, { status: 'Accepted' });
    wallbox.answer(await wallbox.incomingCall('Reset'), { status: 'Rejected' });
    expect(await first).toEqual({ outcome: 'result', payload: { status: 'Accepted' } });
    expect(await second).toEqual({ outcome: 'result', payload: { status: 'Rejected' } });
    await wallbox.close();
  });

  it('passes on a CALLERROR of the wallbox and a wrong answer as a call error', async () => {
    const wallbox = await connected('CMD-4');
    const refused = send('CMD-4');
    const call = await wallbox.incomingCall('Reset');
    wallbox.sendRaw(JSON.stringify([4, call[1], 'NotSupported', 'no resets here', {}]));
    expect(await refused).toEqual({ outcome: 'callError', code: 'NotSupported', description: 'no resets here', details: {} });
    const garbled = send('CMD-4', { action: 'ClearCache', payload: {} });
    wallbox.answer(await wallbox.incomingCall('ClearCache'), { status: 'Perhaps' });
    expect(await garbled).toMatchObject({ outcome: 'callError', code: 'PropertyConstraintViolation' });
    await wallbox.close();
  });

  it('replies timeout when the wallbox does not answer within OCPP_CALL_TIMEOUT, then goes on', async () => {
    const wallbox = await connected('CMD-5');
    expect(await send('CMD-5')).toEqual({ outcome: 'timeout' });
    const next = send('CMD-5', { action: 'ClearCache', payload: {} });
    wallbox.answer(await wallbox.incomingCall('ClearCache'), { status: 'Accepted' });
    expect(await next).toMatchObject({ outcome: 'result' });
    await wallbox.close();
  });

  it('replies offline when the socket closes before the answer, and to every command afterwards', async () => {
    const wallbox = await connected('CMD-6');
    const pending = send('CMD-6');
    await wallbox.incomingCall('Reset');
    await wallbox.close();
    expect(await pending).toEqual({ outcome: 'offline' });
    expect(await send('CMD-6')).toEqual({ outcome: 'offline' });
  });

  it('a newer connection of the same identity replaces the older one, and commands follow it', async () => {
    const older = await connected('CMD-7');
    const newer = await TestWallbox.open(url, 'CMD-7');
    expect(await older.closed).toEqual({ code: 1000, reason: 'replaced by a newer connection' });
    newer.socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as unknown[];
      if (frame[2] === 'Reset') newer.answer(frame, { status: 'Accepted' });
    });
    await expect.poll(() => send('CMD-7').then((reply) => reply.outcome, () => 'unreachable')).toBe('result');
    await newer.close();
  });

  it('asks a connected discovered wallbox to boot again once it is adopted', async () => {
    const wallbox = await connected('CMD-8');
    expect(await wallbox.call('BootNotification', { chargePointVendor: 'Acme', chargePointModel: 'One' })).toMatchObject({ 2: { status: 'Pending' } });
    adopted.add('CMD-8');
    await testbed.adopt('CMD-8');
    const trigger = await wallbox.incomingCall('TriggerMessage');
    expect(trigger[3]).toEqual({ requestedMessage: 'BootNotification' });
    wallbox.answer(trigger, { status: 'Accepted' });
    expect(await wallbox.call('BootNotification', { chargePointVendor: 'Acme', chargePointModel: 'One' })).toMatchObject({ 2: { status: 'Accepted' } });
    await wallbox.close();
  });
});
