import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChargePointConnected, WallboxCommandReply } from '@voltstream/contracts';
import { countEvents, lastEvent, type GatewayProcess } from '@voltstream/testing';
import { command } from './support/operator';
import { PodUnderAttack } from './support/pod-under-attack';
import { TestWallbox } from './support/wallbox';

const at = '2026-03-01T12:00:00.000Z';
const status = (connectorId: number) => ({ connectorId, status: 'Available', errorCode: 'NoError', timestamp: at });
/** `levels` arrays inside each other, as JSON text. */
const nestedArrays = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

/** Frames that ended a gateway process before issue 11, sent to a gateway process of its own (`npm run build` first). */
describe('a gateway process under hostile frames', () => {
  const attack = new PodUnderAttack();
  const { testbed } = attack;
  let pod: GatewayProcess;

  beforeAll(async () => {
    await attack.start();
    pod = attack.pod;
  });
  afterAll(() => attack.stop());

  /** Opens a wallbox once its connection is recorded, so that operator commands find its pod. */
  async function connectedWallbox(identity: string): Promise<TestWallbox> {
    const wallbox = await TestWallbox.open(pod.url, identity);
    await expect.poll(() => countEvents(testbed.nc, testbed.subjects, identity, 'ChargePointConnected')).toBe(1);
    return wallbox;
  }

  it('answers the 15 KB frame of issue 11 FormationViolation and keeps serving that wallbox and the others', async () => {
    const wallbox = await TestWallbox.open(pod.url, 'DEEP-1');
    wallbox.sendRaw(`[2,"x","Heartbeat",{"x":${'{"a":'.repeat(2500)}1${'}'.repeat(2500)}}]`);
    const answer = await wallbox.waitFor((frame) => frame[1] === 'x');
    expect(answer.slice(0, 4)).toEqual([4, 'x', 'FormationViolation', 'payload is nested deeper than 16 levels']);
    expect((await wallbox.call('Heartbeat', {}))[0]).toBe(3);
    await attack.expectServing();
    await wallbox.close();
  });

  it('answers a frame of 65,000 nested arrays (just under the 128 KiB frame limit) FormationViolation', async () => {
    const wallbox = await TestWallbox.open(pod.url, 'DEEP-2');
    wallbox.sendRaw(`[2,"y","DataTransfer",{"vendorId":"v","data":${nestedArrays(65_000)}}]`);
    expect((await wallbox.waitFor((frame) => frame[1] === 'y')).slice(0, 3)).toEqual([4, 'y', 'FormationViolation']);
    await attack.expectServing();
    await wallbox.close();
  });

  it('fails an operator command whose CALLERROR comes back with details nested 60,000 levels deep, not the pod', async () => {
    const wallbox = await connectedWallbox('DEEP-REPLY');
    wallbox.socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as unknown[];
      if (frame[0] === 2) wallbox.sendRaw(`[4,${JSON.stringify(frame[1])},"GenericError","no",{"a":${nestedArrays(60_000)}}]`);
    });
    const reply = await command(testbed.nc, testbed.subjects, 'DEEP-REPLY', { action: 'Reset', payload: { type: 'Soft' } });
    expect(reply).toMatchObject({ outcome: 'callError', code: 'FormationViolation' });
    await attack.expectServing();
    await wallbox.close();
  });

  it('refuses an operator command nested 100,000 levels deep as invalid, not the pod', async () => {
    const wallbox = await connectedWallbox('DEEP-COMMAND');
    const connected = (await lastEvent(testbed.nc, testbed.subjects, 'DEEP-COMMAND', 'ChargePointConnected')) as ChargePointConnected;
    const body = `{"action":"Reset","payload":{"type":"Soft","x":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}}`;
    const message = await testbed.nc.request(testbed.subjects.command(connected.data.gatewayId, 'DEEP-COMMAND'), body, { timeout: 10_000 });
    expect(message.json<WallboxCommandReply>()).toEqual({ outcome: 'invalid', reason: 'Reset: payload is nested deeper than 16 levels' });
    await attack.expectServing();
    await wallbox.close();
  });

  it('answers values beyond OCPP and the read models with the CALLERROR that fits (a StopTransaction is confirmed) and records CallRefused, never the fact', async () => {
    const wallbox = await TestWallbox.open(pod.url, 'RANGE-1');
    expect((await wallbox.call('StatusNotification', status(-1))).slice(0, 3)).toEqual([4, 'w1', 'PropertyConstraintViolation']);
    expect((await wallbox.call('StatusNotification', status(2 ** 31))).slice(0, 3)).toEqual([4, 'w2', 'TypeConstraintViolation']);
    const start = { connectorId: 1, idTag: 'TAG-1', meterStart: 2 ** 31, timestamp: at };
    expect((await wallbox.call('StartTransaction', start)).slice(0, 3)).toEqual([4, 'w3', 'TypeConstraintViolation']);
    const stop = { transactionId: 2 ** 31, meterStop: 10, timestamp: at };
    // OCPP 1.6 §4.10: a central system cannot prevent a transaction from stopping; it confirms, and records the refusal.
    expect(await wallbox.call('StopTransaction', stop)).toEqual([3, 'w4', {}]);

    const events = (type: Parameters<typeof countEvents>[3]) => countEvents(testbed.nc, testbed.subjects, 'RANGE-1', type);
    expect([await events('ConnectorStatusChanged'), await events('TransactionStarted'), await events('TransactionStopped')]).toEqual([0, 0, 0]);
    expect(await events('CallRefused')).toBe(4);
    expect(await lastEvent(testbed.nc, testbed.subjects, 'RANGE-1', 'CallRefused')).toMatchObject({
      data: { action: 'StopTransaction', errorCode: 'TypeConstraintViolation', reason: `transactionId: must be a 32-bit integer (OCPP 1.6 integer), got ${2 ** 31}` },
    });
    await wallbox.close();
  });

  it('holds connector ids to NumberOfConnectors once the wallbox listed it answering a GetConfiguration', async () => {
    const wallbox = await connectedWallbox('TWO-CONNECTORS');
    wallbox.socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as unknown[];
      if (frame[0] === 2) wallbox.answer(frame, { configurationKey: [{ key: 'NumberOfConnectors', readonly: true, value: '2' }] });
    });
    expect((await wallbox.call('StatusNotification', status(3)))[0]).toBe(3);
    const reply = await command(testbed.nc, testbed.subjects, 'TWO-CONNECTORS', { action: 'GetConfiguration', payload: { key: ['NumberOfConnectors'] } });
    expect(reply.outcome).toBe('result');
    expect((await wallbox.call('StatusNotification', status(3))).slice(0, 4)).toEqual([
      4,
      'w2',
      'PropertyConstraintViolation',
      'connectorId: the charge point has 2 connectors (NumberOfConnectors)',
    ]);
    expect((await wallbox.call('StatusNotification', status(2)))[0]).toBe(3);
    await wallbox.close();
  });
});
