import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChargePointOptions, CsmsCall, SimulatedChargePoint } from '@voltstream/simulator';
import { startSystem, type System } from './support/system';
import type { ChargePointView, ErrorBody, TransactionView } from './support/views';
import { adoptedWallbox, bootedWallbox, chargePoint, connector, eventually, SLOW_MS } from './support/wallboxes';

/**
 * The Core cases of the OCPP 1.6 compliance list (docs/conformance.md) that no other end-to-end
 * test drives: each through the API, with the simulator as the wallbox. Test names start with the case.
 */

const CARD = 'CORE-CARD';
const UNLISTED = 'NOT-ON-ANY-LIST';
const EXPIRED = 'CORE-EXPIRED';

interface CommandAnswer {
  status: string;
  data?: string;
}

interface DataTransferPage {
  items: { id: number; vendorId: string; messageId: string | null; data: string | null; status: string; receivedAt: string }[];
  nextCursor: string | null;
}

describe('the Core cases of the compliance list (end to end)', () => {
  let system: System;
  const wallboxes: SimulatedChargePoint[] = [];

  const command = <T = CommandAnswer>(identity: string, path: string, body?: unknown, method = 'POST') =>
    system.api<T>(`/api/charge-points/${identity}/${path}`, { method, body });
  const transaction = async (transactionId: number) => (await system.api<TransactionView>(`/api/transactions/${transactionId}`)).body;

  /** An adopted wallbox in start mode centralList, booted; `calls` gets every call the CSMS sends it. */
  async function wallbox(identity: string, options: Partial<ChargePointOptions> = {}, calls: CsmsCall[] = []): Promise<SimulatedChargePoint> {
    const booted = await adoptedWallbox(system, identity, { startMode: 'centralList' }, options);
    booted.on('call', (call) => calls.push(call));
    wallboxes.push(booted);
    return booted;
  }

  async function offline(wallboxToClose: SimulatedChargePoint): Promise<void> {
    await wallboxToClose.close();
    await eventually(async () => expect((await chargePoint(system, wallboxToClose.identity)).online).toBe(false));
  }

  /** Back online: it boots and delivers what it kept while offline. */
  async function online(wallboxToOpen: SimulatedChargePoint): Promise<void> {
    await wallboxToOpen.connect();
    expect((await wallboxToOpen.bootAndReport()).status).toBe('Accepted');
    expect(wallboxToOpen.queuedWhileOffline).toBe(0);
  }

  beforeAll(async () => {
    system = await startSystem();
    const tags = { [CARD]: { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.org' }, [EXPIRED]: { expiresAt: '2020-01-01T00:00:00.000Z' } };
    for (const [idTag, entry] of Object.entries(tags)) {
      expect((await system.api(`/api/tags/${idTag}`, { method: 'PUT', body: entry })).status).toBe(201);
    }
  });
  afterAll(async () => {
    for (const each of wallboxes) await each.close();
    await system?.stop();
  });

  describe('charging sessions', () => {
    it('TC_004_1: the card first, then the cable: the transaction starts with the id the CSMS hands out, and the meter reads meterStart', async () => {
      const box = await wallbox('CORE-ID-FIRST');
      expect((await box.authorize(CARD)).idTagInfo.status).toBe('Accepted');
      await box.meterValues(1, 2000);
      const started = await box.beginTransaction(1, CARD);
      expect(started.idTagInfo.status).toBe('Accepted');
      await expect
        .poll(() => connector(system, box.identity, 1), { timeout: SLOW_MS })
        .toMatchObject({ status: 'Charging', transaction: true, transactionId: started.transactionId, transactionMeterStart: 2000, meterValue: 2 });
    });

    it('TC_004_2: the card first, then no cable within ConnectionTimeOut: the connector is Available again, no transaction', async () => {
      const box = await wallbox('CORE-ID-TIMEOUT');
      expect((await command(box.identity, 'configuration/ConnectionTimeOut', { value: '1' }, 'PUT')).body).toEqual({ status: 'Accepted' });
      expect((await box.authorize(CARD)).idTagInfo.status).toBe('Accepted');
      const session = await box.plugInAndCharge({ connectorId: 1, wh: 100, meterIntervalMs: 10, samples: 1 });
      expect(session.outcome).toBe('notStarted');
      await expect.poll(() => connector(system, box.identity, 1), { timeout: SLOW_MS }).toMatchObject({ status: 'Available', transaction: false, transactionId: null });
    });

    it('TC_005_1: the vehicle is unplugged while charging: the transaction stops (EVDisconnected), the connector is Available', async () => {
      const box = await wallbox('CORE-EV-GONE');
      const { transactionId } = await box.beginTransaction(1, CARD);
      await box.meterValues(1, 3500, transactionId);
      await box.finishTransaction(1, 'EVDisconnected');
      await expect
        .poll(() => transaction(transactionId), { timeout: SLOW_MS })
        .toMatchObject({ stopReason: 'EVDisconnected', meterEnd: 3500, consumption: 3500, stoppedAt: expect.any(String) });
      await expect.poll(() => connector(system, box.identity, 1), { timeout: SLOW_MS }).toMatchObject({ status: 'Available', transaction: false, meterValue: 3.5 });
    });

    it('TC_010: the cable first, then a remote start: the wallbox starts with the given tag', async () => {
      const box = await wallbox('CORE-CABLE-FIRST');
      await box.statusNotification(1, 'Preparing');
      expect((await command(box.identity, 'remote-start', { idTag: CARD, connectorId: 1 })).body).toEqual({ status: 'Accepted' });
      await expect.poll(() => connector(system, box.identity, 1), { timeout: SLOW_MS }).toMatchObject({ status: 'Charging', transaction: true, transactionIdTag: CARD });
    });

    it('TC_011_2: a remote start and no vehicle within ConnectionTimeOut: Accepted, Preparing, then Available again, no transaction', async () => {
      const calls: CsmsCall[] = [];
      const box = await wallbox('CORE-REMOTE-TIMEOUT', { remoteStartWithoutVehicle: 'waitsForCable' }, calls);
      // Long enough for the API to show Preparing on a loaded machine.
      expect((await command(box.identity, 'configuration/ConnectionTimeOut', { value: '3' }, 'PUT')).body).toEqual({ status: 'Accepted' });
      expect(await command(box.identity, 'remote-start', { idTag: CARD, connectorId: 1 })).toEqual({ status: 200, body: { status: 'Accepted' } });
      expect(calls.at(-1)).toEqual({ action: 'RemoteStartTransaction', payload: { idTag: CARD, connectorId: 1 } });
      await eventually(async () => expect(box.connectorStatus(1)).toBe('Preparing'));
      await expect.poll(() => connector(system, box.identity, 1), { timeout: SLOW_MS }).toMatchObject({ status: 'Preparing', transaction: false });
      await eventually(async () => expect(box.connectorStatus(1)).toBe('Available'));
      await expect.poll(() => connector(system, box.identity, 1), { timeout: SLOW_MS }).toMatchObject({ status: 'Available', transaction: false, transactionId: null });
      expect((await system.api<{ items: unknown[] }>(`/api/transactions?chargePoint=${box.identity}`)).body.items).toEqual([]);
    });

    it('TC_024: the cable does not lock: the connector is Faulted with ConnectorLockFailure and no transaction starts', async () => {
      const box = await wallbox('CORE-LOCK-FAILS', { cableLock: 'lockFails' });
      const session = await box.plugInAndCharge({ connectorId: 1, idTag: CARD, wh: 100, meterIntervalMs: 10, samples: 1 });
      expect(session.outcome).toBe('notStarted');
      await expect
        .poll(() => connector(system, box.identity, 1), { timeout: SLOW_MS })
        .toMatchObject({ status: 'Faulted', errorCode: 'ConnectorLockFailure', transaction: false });
      expect((await system.api<{ items: unknown[] }>(`/api/transactions?chargePoint=${box.identity}`)).body.items).toEqual([]);
    });
  });

  describe('the authorization cache', () => {
    it('TC_007: a card the cache holds Accepted starts without Authorize (LocalPreAuthorize set through the API)', async () => {
      const box = await wallbox('CORE-CACHE');
      expect((await command(box.identity, 'configuration/LocalPreAuthorize', { value: 'true' }, 'PUT')).body).toEqual({ status: 'Accepted' });
      const first = await box.plugInAndCharge({ connectorId: 1, idTag: CARD, wh: 100, meterIntervalMs: 10, samples: 1 });
      expect(first.answers.authorize?.idTagInfo.status).toBe('Accepted');
      const cached = await box.plugInAndCharge({ connectorId: 1, idTag: CARD, wh: 100, meterIntervalMs: 10, samples: 1 });
      expect(cached.outcome).toBe('completed');
      expect(cached.answers.authorize).toBeUndefined();
      await expect
        .poll(async () => (await transaction(cached.transactionId as number)).authorizationStatus, { timeout: SLOW_MS })
        .toBe('Accepted');
    });

    it('TC_061: ClearCache is Accepted, and the card is asked about again', async () => {
      const calls: CsmsCall[] = [];
      const box = await wallbox('CORE-CLEAR-CACHE', {}, calls);
      expect((await command(box.identity, 'configuration/LocalPreAuthorize', { value: 'true' }, 'PUT')).body).toEqual({ status: 'Accepted' });
      await box.plugInAndCharge({ connectorId: 1, idTag: CARD, wh: 100, meterIntervalMs: 10, samples: 1 });
      expect(await command(box.identity, 'clear-cache')).toEqual({ status: 200, body: { status: 'Accepted' } });
      expect(calls.at(-1)).toEqual({ action: 'ClearCache', payload: {} });
      const after = await box.plugInAndCharge({ connectorId: 1, idTag: CARD, wh: 100, meterIntervalMs: 10, samples: 1 });
      expect(after.answers.authorize?.idTagInfo.status).toBe('Accepted');
    });

    it('TC_023_2: a card past its expiry date is answered Expired, and nothing starts', async () => {
      const box = await wallbox('CORE-EXPIRED');
      const session = await box.plugInAndCharge({ connectorId: 1, idTag: EXPIRED, wh: 100, meterIntervalMs: 10, samples: 1 });
      expect(session).toMatchObject({ outcome: 'notAuthorized', answers: { authorize: { idTagInfo: { status: 'Expired' } } } });
      expect(box.transactionOn(1)).toBeUndefined();
    });
  });

  describe('unlock and reset', () => {
    it('TC_017_2: unlocking a fixed cable is NotSupported', async () => {
      const box = await wallbox('CORE-FIXED-CABLE', { cableLock: 'fixedCable' });
      expect(await command(box.identity, 'unlock', { connectorId: 1 })).toEqual({ status: 200, body: { status: 'NotSupported' } });
    });

    it('TC_018_1: unlocking during a transaction ends it (UnlockCommand) and the connector is Available', async () => {
      const box = await wallbox('CORE-UNLOCK-TX');
      const { transactionId } = await box.beginTransaction(2, CARD);
      expect(await command(box.identity, 'unlock', { connectorId: 2 })).toEqual({ status: 200, body: { status: 'Unlocked' } });
      await expect.poll(() => transaction(transactionId), { timeout: SLOW_MS }).toMatchObject({ stopReason: 'UnlockCommand', stoppedAt: expect.any(String) });
      await expect.poll(() => connector(system, box.identity, 2), { timeout: SLOW_MS }).toMatchObject({ status: 'Available', transaction: false });
    });

    it('TC_030: a lock that does not open is relayed UnlockFailed', async () => {
      const box = await wallbox('CORE-UNLOCK-FAILS', { cableLock: 'unlockFails' });
      expect(await command(box.identity, 'unlock', { connectorId: 1 })).toEqual({ status: 200, body: { status: 'UnlockFailed' } });
    });

    it('TC_031: unlocking a connector the wallbox does not have is relayed NotSupported', async () => {
      const box = await wallbox('CORE-UNLOCK-UNKNOWN');
      expect(await command(box.identity, 'unlock', { connectorId: 3 })).toEqual({ status: 200, body: { status: 'NotSupported' } });
    });

    it('TC_013: a hard reset stops the transaction (HardReset); the wallbox boots again and is accepted', async () => {
      const calls: CsmsCall[] = [];
      const box = await wallbox('CORE-HARD-RESET', {}, calls);
      const { transactionId } = await box.beginTransaction(1, CARD);
      const rebooted = new Promise<void>((resolve) => box.once('booted', () => resolve()));
      expect(await command(box.identity, 'reset', { type: 'Hard' })).toEqual({ status: 200, body: { status: 'Accepted' } });
      expect(calls.at(-1)).toEqual({ action: 'Reset', payload: { type: 'Hard' } });
      await rebooted;
      await expect.poll(() => transaction(transactionId), { timeout: SLOW_MS }).toMatchObject({ stopReason: 'HardReset' });
      await expect.poll(async () => (await chargePoint(system, box.identity)).online, { timeout: SLOW_MS }).toBe(true);
    });

    it('TC_032_1: after a power failure the wallbox boots, then stops the transaction it ran (PowerLoss)', async () => {
      const box = await wallbox('CORE-POWER-LOSS');
      const { transactionId } = await box.beginTransaction(1, CARD);
      await box.meterValues(1, 1200, transactionId);
      await box.reboot('PowerLoss');
      await expect
        .poll(() => transaction(transactionId), { timeout: SLOW_MS })
        .toMatchObject({ stopReason: 'PowerLoss', meterEnd: 1200, stoppedAt: expect.any(String) });
      await expect.poll(() => chargePoint(system, box.identity), { timeout: SLOW_MS }).toMatchObject({ online: true, connectors: [{ status: 'Available' }, { status: 'Available' }] });
    });
  });

  describe('offline transactions', () => {
    it('TC_037_1: a cached card starts a transaction offline; once back, the start is delivered and accepted', async () => {
      const box = await wallbox('CORE-OFFLINE-VALID');
      expect((await box.authorize(CARD)).idTagInfo.status).toBe('Accepted');
      await offline(box);
      expect(box.authorizeLocally(CARD)).toBe('Accepted');
      const started = box.beginTransaction(1, CARD);
      await online(box);
      const { transactionId, idTagInfo } = await started;
      expect(idTagInfo.status).toBe('Accepted');
      await expect.poll(() => connector(system, box.identity, 1), { timeout: SLOW_MS }).toMatchObject({ status: 'Charging', transaction: true, transactionId });
      await box.finishTransaction(1);
      await expect.poll(() => transaction(transactionId), { timeout: SLOW_MS }).toMatchObject({ authorizationStatus: 'Accepted', stopReason: 'Local' });
    });

    it('TC_037_3: an unknown card starts offline (AllowOfflineTxForUnknownId); once back the CSMS answers Invalid and the wallbox stops it (StopTransactionOnInvalidId)', async () => {
      const box = await wallbox('CORE-OFFLINE-INVALID');
      expect((await command(box.identity, 'configuration/AllowOfflineTxForUnknownId', { value: 'true' }, 'PUT')).body).toEqual({ status: 'Accepted' });
      const stopOnInvalid = await command<{ configurationKey: { value: string }[] }>(box.identity, 'configuration?key=StopTransactionOnInvalidId', undefined, 'GET');
      expect(stopOnInvalid.body.configurationKey[0]?.value).toBe('true');
      await offline(box);
      expect(box.authorizeLocally(UNLISTED)).toBe('Accepted');
      const started = box.beginTransaction(1, UNLISTED);
      await online(box);
      const { transactionId, idTagInfo } = await started;
      expect(idTagInfo.status).toBe('Invalid');
      await expect
        .poll(() => transaction(transactionId), { timeout: SLOW_MS })
        .toMatchObject({ idTag: UNLISTED, authorizationStatus: 'Invalid', stopReason: 'DeAuthorized', stoppedAt: expect.any(String) });
      await expect.poll(() => connector(system, box.identity, 1), { timeout: SLOW_MS }).toMatchObject({ status: 'Available', transaction: false });
    });

    it('TC_039: a whole transaction offline (start, meter values, stop) is delivered in order once back, and completed with its energy', async () => {
      const box = await wallbox('CORE-OFFLINE-TX');
      expect((await box.authorize(CARD)).idTagInfo.status).toBe('Accepted');
      await offline(box);
      const started = box.beginTransaction(1, CARD);
      await eventually(async () => expect(box.transactionOn(1)).toBeLessThan(0));
      const ownId = box.transactionOn(1) as number;
      const metered = [box.meterValues(1, 800, ownId), box.meterValues(1, 1500, ownId)];
      const stopped = box.finishTransaction(1);
      await eventually(async () => expect(box.queuedWhileOffline).toBe(4));
      await online(box);
      const { transactionId } = await started;
      await Promise.all([...metered, stopped]);
      await expect
        .poll(() => transaction(transactionId), { timeout: SLOW_MS })
        .toMatchObject({ meterStart: 0, meterEnd: 1500, consumption: 1500, stopReason: 'Local', stoppedAt: expect.any(String) });
      await expect.poll(() => connector(system, box.identity, 1), { timeout: SLOW_MS }).toMatchObject({ transaction: false, transactionId, meterValue: 1.5 });
    });
  });

  describe('configuration', () => {
    it('TC_040_1: a key the wallbox does not know is relayed NotSupported', async () => {
      const box = await wallbox('CORE-CONFIG-UNKNOWN');
      expect(await command(box.identity, 'configuration/NoSuchKey', { value: '1' }, 'PUT')).toEqual({ status: 200, body: { status: 'NotSupported' } });
    });

    it('TC_040_2: a value the key does not take is relayed Rejected, and the key keeps its value', async () => {
      const box = await wallbox('CORE-CONFIG-INVALID');
      expect(await command(box.identity, 'configuration/MeterValueSampleInterval', { value: 'often' }, 'PUT')).toEqual({ status: 200, body: { status: 'Rejected' } });
      const read = await command<{ configurationKey: { value: string }[] }>(box.identity, 'configuration?key=MeterValueSampleInterval', undefined, 'GET');
      expect(read.body.configurationKey).toEqual([{ key: 'MeterValueSampleInterval', readonly: false, value: '60' }]);
    });
  });

  describe('remote trigger', () => {
    let box: SimulatedChargePoint;
    const calls: CsmsCall[] = [];
    const received: string[] = [];

    beforeAll(async () => {
      box = await wallbox('CORE-TRIGGER', {}, calls);
    });

    it('TC_054: every MessageTrigger is Accepted and the wallbox sends the message', async () => {
      const sent = ['BootNotification', 'DiagnosticsStatusNotification', 'FirmwareStatusNotification', 'Heartbeat', 'MeterValues', 'StatusNotification'];
      const original = box.call.bind(box);
      box.call = (action, payload) => {
        received.push(action);
        return original(action, payload);
      };
      for (const message of sent) {
        const connectorId = message === 'MeterValues' || message === 'StatusNotification' ? 1 : undefined;
        expect(await command(box.identity, 'trigger', { message, connectorId })).toEqual({ status: 200, body: { status: 'Accepted' } });
        // The last TriggerMessage: a boot it triggers may bring other calls after it (the local list sync).
        expect(calls.filter(({ action }) => action === 'TriggerMessage').at(-1)).toEqual({
          action: 'TriggerMessage',
          payload: connectorId === undefined ? { requestedMessage: message } : { requestedMessage: message, connectorId },
        });
        await eventually(async () => expect(received).toContain(message));
      }
      await expect
        .poll(async () => (await system.api<{ context: string }[]>(`/api/charge-points/${box.identity}/connectors/1/meter-values`)).body.map((s) => s.context), {
          timeout: SLOW_MS,
        })
        .toContain('Trigger');
    });

    it('TC_055: a trigger for a connector the wallbox does not have is relayed Rejected', async () => {
      expect(await command(box.identity, 'trigger', { message: 'StatusNotification', connectorId: 5 })).toEqual({ status: 200, body: { status: 'Rejected' } });
    });

    it('a trigger with a message that is no MessageTrigger is 400 naming the field, and reaches no wallbox', async () => {
      const before = calls.length;
      const answer = await command<ErrorBody>(box.identity, 'trigger', { message: 'Authorize' });
      expect(answer.status).toBe(400);
      expect(String(answer.body.message)).toContain('message');
      expect(calls).toHaveLength(before);
    });
  });

  describe('data transfer', () => {
    it('TC_064: a DataTransfer of a vendor the charge point is set to accept is Accepted, another UnknownVendorId; both are listed, newest first', async () => {
      const identity = 'CORE-DATA-IN';
      const set = await system.api<ChargePointView & { acceptedDataTransferVendors: string[] }>(`/api/charge-points/${identity}`, {
        method: 'PUT',
        body: { startMode: 'centralList', acceptedDataTransferVendors: ['com.voltstream.test'] },
      });
      expect(set.body.acceptedDataTransferVendors).toEqual(['com.voltstream.test']);
      const box = await bootedWallbox(system, identity);
      wallboxes.push(box);
      // The gateway answers from its view of the registry, which follows the log a moment behind the API.
      await eventually(async () => expect(await box.dataTransfer({ vendorId: 'com.voltstream.test', messageId: 'hello', data: 'world' })).toEqual({ status: 'Accepted' }));
      expect(await box.dataTransfer({ vendorId: 'org.stranger' })).toEqual({ status: 'UnknownVendorId' });
      const listed = await eventually(async () => {
        const page = await command<DataTransferPage>(identity, 'data-transfers', undefined, 'GET');
        expect(page.body.items[0]).toMatchObject({ vendorId: 'org.stranger', messageId: null, data: null, status: 'UnknownVendorId' });
        return page.body;
      });
      expect(listed.items[1]).toMatchObject({ vendorId: 'com.voltstream.test', messageId: 'hello', data: 'world', status: 'Accepted', receivedAt: expect.any(String) });
      const firstPage = await command<DataTransferPage>(identity, 'data-transfers?limit=1', undefined, 'GET');
      expect(firstPage.body.items.map((item) => item.vendorId)).toEqual(['org.stranger']);
      const secondPage = await command<DataTransferPage>(identity, `data-transfers?limit=1&cursor=${firstPage.body.nextCursor}`, undefined, 'GET');
      expect(secondPage.body.items).toMatchObject([{ vendorId: 'com.voltstream.test', status: 'Accepted' }]);
    });

    it('a DataTransfer sent by the operator is relayed with the status and data the wallbox answered', async () => {
      const calls: CsmsCall[] = [];
      const box = await wallbox('CORE-DATA-OUT', { dataTransferVendors: ['com.voltstream.test'] }, calls);
      const accepted = await command(box.identity, 'data-transfer', { vendorId: 'com.voltstream.test', messageId: 'ping', data: 'ping' });
      expect(accepted).toEqual({ status: 200, body: { status: 'Accepted', data: 'ping' } });
      expect(calls.at(-1)).toEqual({ action: 'DataTransfer', payload: { vendorId: 'com.voltstream.test', messageId: 'ping', data: 'ping' } });
      expect(await command(box.identity, 'data-transfer', { vendorId: 'org.stranger' })).toEqual({ status: 200, body: { status: 'UnknownVendorId' } });
    });

    it('bad input: a vendor id over 255 characters or vendor ids that are not a list are 400 naming the field; an unknown charge point is 404', async () => {
      const tooLong = await command<ErrorBody>('CORE-DATA-OUT', 'data-transfer', { vendorId: 'v'.repeat(256) });
      expect(tooLong.status).toBe(400);
      expect(String(tooLong.body.message)).toContain('vendorId');
      const notAList = await system.api<ErrorBody>('/api/charge-points/CORE-DATA-OUT', { method: 'PUT', body: { acceptedDataTransferVendors: 'com.example' } });
      expect(notAList.status).toBe(400);
      expect(String(notAList.body.message)).toContain('acceptedDataTransferVendors');
      const badCursor = await command<ErrorBody>('CORE-DATA-IN', 'data-transfers?cursor=nonsense', undefined, 'GET');
      expect(badCursor.status).toBe(400);
      expect((await command('NOBODY-HERE', 'data-transfers', undefined, 'GET')).status).toBe(404);
      expect((await command('NOBODY-HERE', 'clear-cache')).status).toBe(404);
    });
  });

  it('an offline charge point: ClearCache, DataTransfer and a trigger are 409', async () => {
    const box = await wallbox('CORE-GONE');
    await offline(box);
    expect((await command(box.identity, 'clear-cache')).status).toBe(409);
    expect((await command(box.identity, 'data-transfer', { vendorId: 'com.example' })).status).toBe(409);
    expect((await command(box.identity, 'trigger', { message: 'Heartbeat' })).status).toBe(409);
  });
});
