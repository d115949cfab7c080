import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedChargePoint } from '@voltstream/simulator';
import { BillingSubscriber } from './support/billing';
import { startSystem, type System } from './support/system';
import type { MeterValueView, TransactionPage, TransactionView } from './support/views';
import { adoptedWallbox, connector, readModelsCaughtUp, SLOW_MS } from './support/wallboxes';

const IDENTITY = 'FLAKY-LINK-4';
/** How long a second delivery of a completed transaction would take to show, if there were one. */
const REDELIVERY_GRACE_MS = 1500;

describe('messages sent again are applied once (end to end, SPEC §5, §7)', () => {
  let system: System;
  let wallbox: SimulatedChargePoint;
  let billing: BillingSubscriber;
  let transactionId: number;

  const transactions = async () =>
    (await system.api<TransactionPage>(`/api/transactions?chargePoint=${IDENTITY}`)).body.items;
  const transaction = async (id: number) => system.api<TransactionView>(`/api/transactions/${id}`);

  beforeAll(async () => {
    system = await startSystem();
    billing = await BillingSubscriber.start(system);
    wallbox = await adoptedWallbox(system, IDENTITY, { startMode: 'anyTag' });
  });
  afterAll(async () => {
    await wallbox?.close();
    await billing?.close();
    await system?.stop();
  });

  it('a StartTransaction sent again after a reconnect (same content, new unique id) gets the same transaction id and creates no second transaction', async () => {
    const startedAt = new Date(Date.now() - 5000);
    const first = await wallbox.startTransaction(1, 'RETRY-CARD', 5000, startedAt);
    // The answer was lost with the connection: the wallbox reconnects and sends the start again.
    await wallbox.close(1001);
    await wallbox.connect();
    const again = await wallbox.startTransaction(1, 'RETRY-CARD', 5000, startedAt);

    expect(again.transactionId).toBe(first.transactionId);
    expect(again.idTagInfo).toEqual(first.idTagInfo);
    transactionId = first.transactionId;
    await readModelsCaughtUp(system, wallbox);
    expect((await transactions()).map((item) => item.transactionId)).toEqual([transactionId]);
    expect(await connector(system, IDENTITY, 1)).toMatchObject({ transaction: true, transactionId, transactionMeterStart: 5000 });
  });

  it('a StopTransaction sent twice is answered both times and changes nothing the second time', async () => {
    await wallbox.meterValues(1, 5600, transactionId);
    const stop = await wallbox.stopTransaction(transactionId, 6000, 'RETRY-CARD', 'Local');
    expect(stop.idTagInfo?.status).toBe('Accepted');
    await expect.poll(async () => (await transaction(transactionId)).body, { timeout: SLOW_MS }).toMatchObject({ meterEnd: 6000, consumption: 1000 });
    await expect.poll(() => billing.deliveries(transactionId), { timeout: SLOW_MS }).toBe(1);
    const firstStoppedAt = (await transaction(transactionId)).body.stoppedAt;

    const sameStopAgain = await wallbox.stopTransaction(transactionId, 6000, 'RETRY-CARD', 'Local');
    expect(sameStopAgain.idTagInfo?.status).toBe('Accepted');
    const differentStop = await wallbox.stopTransaction(transactionId, 9999, undefined, 'PowerLoss');
    expect(differentStop).toEqual({});
    await readModelsCaughtUp(system, wallbox);

    expect((await transaction(transactionId)).body).toMatchObject({
      meterEnd: 6000,
      consumption: 1000,
      stopReason: 'Local',
      stoppedAt: firstStoppedAt,
    });
    expect(await connector(system, IDENTITY, 1)).toMatchObject({ transaction: false, transactionMeterEnd: 6000, transactionConsumption: 1000 });
    expect((await transactions()).map((item) => item.transactionId)).toEqual([transactionId]);
    // A duplicate could only arrive later than the original: give it the chance to.
    await delay(REDELIVERY_GRACE_MS);
    expect(billing.deliveries(transactionId)).toBe(1);
  });

  it('a wallbox replaying a finished session after a reconnect (start and stop sent again) reopens nothing and bills once', async () => {
    const startedAt = new Date(Date.now() - 30_000);
    const started = await wallbox.startTransaction(2, 'REPLAY-CARD', 8000, startedAt);
    await wallbox.meterValues(2, 8300, started.transactionId);
    const stoppedAt = new Date(Date.now() - 10_000);
    const stop = { transactionId: started.transactionId, meterStop: 8500, timestamp: stoppedAt.toISOString(), idTag: 'REPLAY-CARD', reason: 'Local' };
    await wallbox.call('StopTransaction', stop);
    await expect.poll(() => billing.deliveries(started.transactionId), { timeout: SLOW_MS }).toBe(1);

    await wallbox.close(1001);
    await wallbox.connect();
    const replayed = await wallbox.startTransaction(2, 'REPLAY-CARD', 8000, startedAt);
    expect(replayed.transactionId).toBe(started.transactionId);
    await readModelsCaughtUp(system, wallbox);
    const afterStartReplay = await transaction(started.transactionId);
    expect(afterStartReplay.body).toMatchObject({ meterEnd: 8500, consumption: 500, stoppedAt: stoppedAt.toISOString() });
    expect(await connector(system, IDENTITY, 2)).toMatchObject({ transaction: false, transactionMeterEnd: 8500, transactionConsumption: 500 });

    await wallbox.call('StopTransaction', stop);
    await readModelsCaughtUp(system, wallbox);
    expect((await transaction(started.transactionId)).body).toMatchObject({ meterEnd: 8500, consumption: 500, stoppedAt: stoppedAt.toISOString() });
    await delay(REDELIVERY_GRACE_MS);
    expect(billing.deliveries(started.transactionId)).toBe(1);
  });

  it('a StopTransaction for a transaction the CSMS never started is answered, recorded as unknown and not billed', async () => {
    const unknownId = 987_654_321;
    expect(await wallbox.stopTransaction(unknownId, 777, undefined, 'Other')).toEqual({});
    await expect
      .poll(async () => (await transaction(unknownId)).body, { timeout: SLOW_MS })
      .toMatchObject({ transactionId: unknownId, chargePointIdentity: IDENTITY, known: false, meterEnd: 777, stopReason: 'Other' });
    await delay(REDELIVERY_GRACE_MS);
    expect(billing.deliveries(unknownId)).toBe(0);
  });

  it('a CALL sent again with the same unique id, on the same connection or after a reconnect, is stored once', async () => {
    const meterValues = [2, 'retry-mv-1', 'MeterValues', {
      connectorId: 2,
      meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [{ value: '4242', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] }],
    }];
    const start = [2, 'retry-start-1', 'StartTransaction', { connectorId: 2, idTag: 'RAW-CARD', meterStart: 4242, timestamp: new Date().toISOString() }];
    for (const frame of [meterValues, meterValues, start, start]) wallbox.sendRaw(JSON.stringify(frame));
    await readModelsCaughtUp(system, wallbox);
    // And once more after a reconnect, as a wallbox does with a CALL it got no answer to.
    await wallbox.close(1001);
    await wallbox.connect();
    for (const frame of [meterValues, start]) wallbox.sendRaw(JSON.stringify(frame));
    await readModelsCaughtUp(system, wallbox);

    const history = await system.api<MeterValueView[]>(`/api/charge-points/${IDENTITY}/connectors/2/meter-values`);
    expect(history.body.filter((sample) => sample.value === 4242)).toHaveLength(1);
    const started = (await transactions()).filter((item) => item.idTag === 'RAW-CARD');
    expect(started).toHaveLength(1);
    expect(await connector(system, IDENTITY, 2)).toMatchObject({ transaction: true, transactionId: started[0]?.transactionId, meterValue: 4.242 });
  });
});
