import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CsmsCall, SimulatedChargePoint } from '@voltstream/simulator';
import { startSystem, type System } from './support/system';
import type { TransactionView } from './support/views';
import { adoptedWallbox, connector, SLOW_MS } from './support/wallboxes';

const AUTO_TAG = 'FLEET-AUTO-1';
/** Without an id tag the simulated vehicle waits this long for the CSMS to start it remotely. */
const REMOTE_START_WAIT_MS = 2000;

describe('start mode auto: plugging in is enough (end to end, SPEC §4)', () => {
  let system: System;
  let auto: SimulatedChargePoint;
  let byTag: SimulatedChargePoint;
  const callsToAuto: CsmsCall[] = [];
  const callsToByTag: CsmsCall[] = [];

  beforeAll(async () => {
    system = await startSystem();
    auto = await adoptedWallbox(system, 'CARPORT-AUTO', { startMode: 'auto', autoStartIdTag: AUTO_TAG });
    auto.on('call', (call) => callsToAuto.push(call));
    byTag = await adoptedWallbox(system, 'CARPORT-TAG', { startMode: 'anyTag' });
    byTag.on('call', (call) => callsToByTag.push(call));
  });
  afterAll(async () => {
    await auto?.close();
    await byTag?.close();
    await system?.stop();
  });

  it('a connector that turns Preparing is started by the CSMS with the autoStartIdTag, and the vehicle charges', async () => {
    const session = await auto.plugInAndCharge({ connectorId: 1, wh: 1800, meterIntervalMs: 100, samples: 3, remoteStartTimeoutMs: SLOW_MS });

    expect(session.outcome).toBe('completed');
    expect(session.answers.authorize).toBeUndefined();
    expect(callsToAuto).toContainEqual({ action: 'RemoteStartTransaction', payload: { connectorId: 1, idTag: AUTO_TAG } });
    const transactionId = session.transactionId as number;
    expect(transactionId).toBeGreaterThan(0);
    await expect
      .poll(async () => (await system.api<TransactionView>(`/api/transactions/${transactionId}`)).body, { timeout: SLOW_MS })
      .toMatchObject({
        chargePointIdentity: 'CARPORT-AUTO',
        connectorId: 1,
        idTag: AUTO_TAG,
        tagOwner: null,
        authorizationStatus: 'Accepted',
        consumption: 1800,
        stopReason: 'Local',
      });
    await expect
      .poll(() => connector(system, 'CARPORT-AUTO', 1), { timeout: SLOW_MS })
      .toMatchObject({ transaction: false, transactionId, transactionIdTag: AUTO_TAG, transactionConsumption: 1800 });
  });

  it('in any other start mode plugging in starts nothing: the vehicle waits for a card', async () => {
    const session = await byTag.plugInAndCharge({ connectorId: 1, wh: 500, meterIntervalMs: 100, samples: 1, remoteStartTimeoutMs: REMOTE_START_WAIT_MS });

    expect(session.outcome).toBe('notStarted');
    // The CSMS keeps its (empty) local list in sync, but starts nothing.
    expect(callsToByTag.map((call) => call.action)).not.toContain('RemoteStartTransaction');
  });
});
