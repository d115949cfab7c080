import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CsmsCall, SimulatedChargePoint } from '@voltstream/simulator';
import { RawWallbox } from './support/raw-wallbox';
import { startSystem, type System } from './support/system';
import type { ErrorBody, TransactionView } from './support/views';
import { adoptedWallbox, chargePoint, connector, eventually, SLOW_MS } from './support/wallboxes';

const IDENTITY = 'DEPOT-12';
const HEARTBEAT_INTERVAL_S = 45;
const CALL_TIMEOUT_S = 2;

interface CommandAnswer {
  status: string;
}

describe('switching connectors and other operator commands (end to end, SPEC §6)', () => {
  let system: System;
  let wallbox: SimulatedChargePoint;
  const calls: CsmsCall[] = [];
  const command = <T = CommandAnswer>(path: string, body?: unknown, method = 'POST') =>
    system.api<T>(`/api/charge-points/${IDENTITY}/${path}`, { method, body });

  beforeAll(async () => {
    system = await startSystem({ HEARTBEAT_INTERVAL: String(HEARTBEAT_INTERVAL_S), OCPP_CALL_TIMEOUT: String(CALL_TIMEOUT_S) });
    wallbox = await adoptedWallbox(system, IDENTITY, { startMode: 'anyTag' });
    wallbox.on('call', (call) => calls.push(call));
  });
  afterAll(async () => {
    await wallbox?.close();
    await system?.stop();
  });

  describe('availability', () => {
    it('a connector switched unavailable through the API is Unavailable, and switched back it is Available again', async () => {
      const off = await command('connectors/1/availability', { available: false });
      expect(off).toEqual({ status: 200, body: { status: 'Accepted' } });
      expect(calls.at(-1)).toEqual({ action: 'ChangeAvailability', payload: { connectorId: 1, type: 'Inoperative' } });
      await expect
        .poll(() => connector(system, IDENTITY, 1), { timeout: SLOW_MS })
        .toMatchObject({ available: false, status: 'Unavailable' });
      expect(wallbox.connectorStatus(1)).toBe('Unavailable');
      expect((await connector(system, IDENTITY, 2)).available).toBe(true);

      const on = await command('connectors/1/availability', { available: true });
      expect(on).toEqual({ status: 200, body: { status: 'Accepted' } });
      await expect.poll(() => connector(system, IDENTITY, 1), { timeout: SLOW_MS }).toMatchObject({ available: true, status: 'Available' });
    });

    it('while a transaction runs the change is Scheduled, and applies once the vehicle has left', async () => {
      const started = await wallbox.beginTransaction(2, 'NIGHT-SHIFT');
      await expect.poll(() => connector(system, IDENTITY, 2), { timeout: SLOW_MS }).toMatchObject({ status: 'Charging', transaction: true });

      expect(await command('connectors/2/availability', { available: false })).toEqual({ status: 200, body: { status: 'Scheduled' } });
      expect((await connector(system, IDENTITY, 2)).available).toBe(true);

      await wallbox.finishTransaction(2);
      await expect
        .poll(() => connector(system, IDENTITY, 2), { timeout: SLOW_MS })
        .toMatchObject({ available: false, status: 'Unavailable', transaction: false, transactionId: started.transactionId });

      expect(await command('connectors/2/availability', { available: true })).toEqual({ status: 200, body: { status: 'Accepted' } });
      await expect.poll(() => connector(system, IDENTITY, 2), { timeout: SLOW_MS }).toMatchObject({ available: true, status: 'Available' });
    });

    it('connector 0 switches the whole charge point', async () => {
      expect(await command('connectors/0/availability', { available: false })).toEqual({ status: 200, body: { status: 'Accepted' } });
      await expect
        .poll(async () => (await chargePoint(system, IDENTITY)).connectors.map((c) => c.available), { timeout: SLOW_MS })
        .toEqual([false, false]);
      expect(await command('connectors/0/availability', { available: true })).toEqual({ status: 200, body: { status: 'Accepted' } });
      await expect
        .poll(async () => (await chargePoint(system, IDENTITY)).connectors.map((c) => c.available), { timeout: SLOW_MS })
        .toEqual([true, true]);
    });

    it('a command to a charge point that is offline is answered 409', async () => {
      const parked = await adoptedWallbox(system, 'DEPOT-OFFLINE', { startMode: 'anyTag' });
      await parked.close();
      await expect.poll(async () => (await chargePoint(system, 'DEPOT-OFFLINE')).online, { timeout: SLOW_MS }).toBe(false);

      const refused = await system.api<ErrorBody>('/api/charge-points/DEPOT-OFFLINE/connectors/1/availability', {
        method: 'POST',
        body: { available: false },
      });
      expect(refused.status).toBe(409);
      expect(String(refused.body.message)).toContain('DEPOT-OFFLINE');
      expect((await system.api('/api/charge-points/DEPOT-OFFLINE/reset', { method: 'POST', body: { type: 'Soft' } })).status).toBe(409);
    });
  });

  describe('remote start and stop', () => {
    let transactionId: number;

    it('a remote start reaches the wallbox, which starts a transaction with the given tag', async () => {
      expect(await command('remote-start', { idTag: 'OPERATOR-1', connectorId: 1 })).toEqual({ status: 200, body: { status: 'Accepted' } });
      expect(calls.at(-1)).toEqual({ action: 'RemoteStartTransaction', payload: { idTag: 'OPERATOR-1', connectorId: 1 } });
      await eventually(async () => expect(wallbox.transactionOn(1)).toBeGreaterThan(0));
      transactionId = wallbox.transactionOn(1) as number;
      await expect
        .poll(() => connector(system, IDENTITY, 1), { timeout: SLOW_MS })
        .toMatchObject({ transaction: true, transactionId, transactionIdTag: 'OPERATOR-1', status: 'Charging' });
    });

    it('a remote start the wallbox rejects (connector busy) relays Rejected', async () => {
      expect(await command('remote-start', { idTag: 'OPERATOR-2', connectorId: 1 })).toEqual({ status: 200, body: { status: 'Rejected' } });
    });

    it('a remote stop ends the transaction, with stop reason Remote', async () => {
      expect(await command('remote-stop', { transactionId })).toEqual({ status: 200, body: { status: 'Accepted' } });
      await expect
        .poll(async () => (await system.api<TransactionView>(`/api/transactions/${transactionId}`)).body, { timeout: SLOW_MS })
        .toMatchObject({ stopReason: 'Remote', stoppedAt: expect.any(String) });
      await expect.poll(() => connector(system, IDENTITY, 1), { timeout: SLOW_MS }).toMatchObject({ transaction: false, status: 'Available' });
    });

    it('a remote stop of a transaction the wallbox does not run relays Rejected', async () => {
      expect(await command('remote-stop', { transactionId })).toEqual({ status: 200, body: { status: 'Rejected' } });
    });
  });

  describe('unlock, trigger and configuration', () => {
    it('unlock reaches the wallbox and relays its answer', async () => {
      expect(await command('unlock', { connectorId: 2 })).toEqual({ status: 200, body: { status: 'Unlocked' } });
      expect(calls.at(-1)).toEqual({ action: 'UnlockConnector', payload: { connectorId: 2 } });
      expect(await command('unlock', { connectorId: 7 })).toEqual({ status: 200, body: { status: 'NotSupported' } });
    });

    it('trigger makes the wallbox send the requested message', async () => {
      await wallbox.meterValues(2, 4321);
      await expect.poll(() => connector(system, IDENTITY, 2), { timeout: SLOW_MS }).toMatchObject({ meterValue: 4.321 });
      expect(await command('trigger', { message: 'MeterValues', connectorId: 2 })).toEqual({ status: 200, body: { status: 'Accepted' } });
      expect(calls.at(-1)).toEqual({ action: 'TriggerMessage', payload: { requestedMessage: 'MeterValues', connectorId: 2 } });
      await expect
        .poll(async () => (await system.api<{ context: string }[]>(`/api/charge-points/${IDENTITY}/connectors/2/meter-values`)).body.map((s) => s.context), {
          timeout: SLOW_MS,
        })
        .toContain('Trigger');
      expect(await command('trigger', { message: 'FirmwareStatusNotification' })).toEqual({ status: 200, body: { status: 'Accepted' } });
    });

    it('get configuration relays the keys; the heartbeat interval is the one the boot answered', async () => {
      const read = await command<{ configurationKey: unknown[]; unknownKey: string[] }>('configuration?key=HeartbeatInterval,NoSuchKey', undefined, 'GET');
      expect(read.status).toBe(200);
      expect(read.body).toEqual({
        configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: String(HEARTBEAT_INTERVAL_S) }],
        unknownKey: ['NoSuchKey'],
      });
      const all = await command<{ configurationKey: { key: string }[] }>('configuration', undefined, 'GET');
      expect(all.body.configurationKey.map((entry) => entry.key)).toContain('NumberOfConnectors');
    });

    it('change configuration reaches the wallbox; a read-only key is Rejected', async () => {
      expect(await command('configuration/MeterValueSampleInterval', { value: '15' }, 'PUT')).toEqual({ status: 200, body: { status: 'Accepted' } });
      expect(wallbox.configuration.get('MeterValueSampleInterval')?.value).toBe('15');
      const read = await command<{ configurationKey: { value: string }[] }>('configuration?key=MeterValueSampleInterval', undefined, 'GET');
      expect(read.body.configurationKey[0]?.value).toBe('15');
      expect(await command('configuration/NumberOfConnectors', { value: '3' }, 'PUT')).toEqual({ status: 200, body: { status: 'Rejected' } });
    });
  });

  describe('answers that are not results', () => {
    let mute: RawWallbox;

    beforeAll(async () => {
      mute = await RawWallbox.connect(system.services.ocppUrl, 'DEPOT-MUTE');
      await eventually(async () => expect((await chargePoint(system, 'DEPOT-MUTE')).online).toBe(true));
    });
    afterAll(() => mute?.close());

    it('a wallbox that answers a command with a CALLERROR gets 502 with its error code', async () => {
      const pending = system.api<ErrorBody & { code: string }>('/api/charge-points/DEPOT-MUTE/unlock', { method: 'POST', body: { connectorId: 1 } });
      const call = await eventually(async () => {
        const received = mute.received.find((frame) => frame[0] === 2 && frame[2] === 'UnlockConnector');
        expect(received).toBeDefined();
        return received as unknown[];
      });
      mute.send([4, call[1], 'NotSupported', 'no lock on this one', {}]);
      const answer = await pending;
      expect(answer.status).toBe(502);
      expect(answer.body.code).toBe('NotSupported');
    });

    it('a wallbox that does not answer in time gets 504', async () => {
      const answer = await system.api<ErrorBody>('/api/charge-points/DEPOT-MUTE/trigger', { method: 'POST', body: { message: 'Heartbeat' } });
      expect(answer.status).toBe(504);
    });
  });

  it('reset reaches the wallbox, which reboots, connects again and is accepted', async () => {
    const reconnected = new Promise<void>((resolve) => wallbox.once('booted', () => resolve()));
    expect(await command('reset', { type: 'Soft' })).toEqual({ status: 200, body: { status: 'Accepted' } });
    expect(calls.at(-1)).toEqual({ action: 'Reset', payload: { type: 'Soft' } });
    await reconnected;
    expect(wallbox.registrationStatus).toBe('Accepted');
    await expect.poll(async () => (await chargePoint(system, IDENTITY)).online, { timeout: SLOW_MS }).toBe(true);
    expect((await command('trigger', { message: 'Heartbeat' })).body).toEqual({ status: 'Accepted' });
  });
});
