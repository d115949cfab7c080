import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedChargePoint } from '@voltstream/simulator';
import { BillingSubscriber } from './support/billing';
import { startSystem, type System } from './support/system';
import type { MeterValueView, TransactionDetailView, TransactionPage, TransactionView } from './support/views';
import { adoptedWallbox, chargePoint, connector, SLOW_MS } from './support/wallboxes';

const IDENTITY = 'HOME-7';
const CARD = 'ALICE-0001';
const OWNER = { firstName: 'Alice', lastName: 'Amper', email: 'alice@example.com' };
const STARTED_AT = new Date(Date.now() - 60_000);
const FIRST_SAMPLE_AT = new Date(Date.now() - 40_000).toISOString();
const SECOND_SAMPLE_AT = new Date(Date.now() - 20_000).toISOString();
/** How long a second delivery of a completed transaction would take to show, if there were one. */
const REDELIVERY_GRACE_MS = 1500;

describe('a charging session, from plug-in to billing (end to end)', () => {
  let system: System;
  let wallbox: SimulatedChargePoint;
  let billing: BillingSubscriber;
  let transactionId: number;
  let secondTransactionId: number;

  beforeAll(async () => {
    system = await startSystem();
    billing = await BillingSubscriber.start(system);
    expect((await system.api(`/api/tags/${CARD}`, { method: 'PUT', body: OWNER })).status).toBe(201);
    wallbox = await adoptedWallbox(system, IDENTITY, { startMode: 'centralList' });
  });
  afterAll(async () => {
    await wallbox?.close();
    await billing?.close();
    await system?.stop();
  });

  it('a vehicle plugs in and a listed card is presented: the transaction starts with the id the CSMS hands out', async () => {
    await wallbox.statusNotification(1, 'Preparing');
    expect((await wallbox.authorize(CARD)).idTagInfo.status).toBe('Accepted');
    const started = await wallbox.startTransaction(1, CARD, 12_000, STARTED_AT);
    expect(started.idTagInfo.status).toBe('Accepted');
    expect(started.transactionId).toBeGreaterThan(0);
    transactionId = started.transactionId;
    await wallbox.statusNotification(1, 'Charging');

    await expect.poll(() => connector(system, IDENTITY, 1), { timeout: SLOW_MS }).toMatchObject({
      status: 'Charging',
      transaction: true,
      transactionId,
      transactionIdTag: CARD,
      transactionMeterStart: 12_000,
      transactionMeterEnd: null,
      transactionConsumption: 0,
      meterValue: 12,
    });
  });

  it('while charging, periodic meter values show the live consumption (Wh) and the meter reading (kWh)', async () => {
    // A bare sampled value is the energy register in Wh (OCPP 1.6 defaults); kWh are converted.
    await wallbox.call('MeterValues', { connectorId: 1, transactionId, meterValue: [{ timestamp: FIRST_SAMPLE_AT, sampledValue: [{ value: '12400' }] }] });
    await expect.poll(() => connector(system, IDENTITY, 1), { timeout: SLOW_MS }).toMatchObject({ transactionConsumption: 400, meterValue: 12.4 });
    await wallbox.call('MeterValues', {
      connectorId: 1,
      transactionId,
      meterValue: [
        {
          timestamp: SECOND_SAMPLE_AT,
          sampledValue: [
            { value: '230.1', context: 'Sample.Periodic', measurand: 'Voltage', phase: 'L1', unit: 'V' },
            { value: '13.25', context: 'Sample.Periodic', measurand: 'Energy.Active.Import.Register', unit: 'kWh' },
            { value: '7400', context: 'Sample.Periodic', measurand: 'Power.Active.Import', unit: 'W' },
          ],
        },
      ],
    });

    await expect.poll(() => connector(system, IDENTITY, 1), { timeout: SLOW_MS }).toMatchObject({
      transaction: true,
      transactionConsumption: 1250,
      meterValue: 13.25,
    });
    const live = await system.api<TransactionView>(`/api/transactions/${transactionId}`);
    expect(live.body).toMatchObject({ consumption: 1250, meterEnd: null, stoppedAt: null });
    const running = await system.api<TransactionPage>(`/api/transactions?chargePoint=${IDENTITY}&active=true`);
    expect(running.body.items.map((item) => item.transactionId)).toEqual([transactionId]);
  });

  it('the stop ends the transaction: the connector shows the meter end and the final consumption', async () => {
    const stopped = await wallbox.stopTransaction(transactionId, 14_000, CARD, 'EVDisconnected');
    expect(stopped.idTagInfo?.status).toBe('Accepted');
    await wallbox.statusNotification(1, 'Finishing');
    await wallbox.statusNotification(1, 'Available');

    await expect.poll(() => connector(system, IDENTITY, 1), { timeout: SLOW_MS }).toMatchObject({
      status: 'Available',
      transaction: false,
      transactionId,
      transactionIdTag: CARD,
      transactionMeterStart: 12_000,
      transactionMeterEnd: 14_000,
      transactionConsumption: 2000,
      meterValue: 14,
    });
  });

  it('the transactions list and the transaction show it, with the owner of the tag and the stop reason', async () => {
    const expected = {
      transactionId,
      chargePointIdentity: IDENTITY,
      connectorId: 1,
      idTag: CARD,
      tagOwner: OWNER,
      authorizationStatus: 'Accepted',
      meterStart: 12_000,
      meterEnd: 14_000,
      consumption: 2000,
      stopReason: 'EVDisconnected',
      startedAt: STARTED_AT.toISOString(),
      stoppedAt: expect.any(String),
    };
    const list = await system.api<TransactionPage>(`/api/transactions?chargePoint=${IDENTITY}`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining(expected)]);
    expect((await system.api<TransactionPage>(`/api/transactions?chargePoint=${IDENTITY}&active=true`)).body.items).toEqual([]);

    const one = await system.api<TransactionDetailView>(`/api/transactions/${transactionId}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject(expected);
    expect(Date.parse(one.body.stoppedAt as string)).toBeGreaterThanOrEqual(Date.parse(one.body.startedAt as string));
    expect(one.body.meterValues.map((sample) => [sample.measurand, sample.value])).toEqual([
      ['Energy.Active.Import.Register', 12_400],
      ['Voltage', 230.1],
      ['Energy.Active.Import.Register', 13.25],
      ['Power.Active.Import', 7400],
    ]);
  });

  it('the meter value history of the connector holds every sample, with time, measurand, unit, phase and transaction', async () => {
    const history = await system.api<MeterValueView[]>(`/api/charge-points/${IDENTITY}/connectors/1/meter-values`);
    expect(history.status).toBe(200);
    expect(history.body).toEqual([
      expect.objectContaining({ timestamp: FIRST_SAMPLE_AT, measurand: 'Energy.Active.Import.Register', value: 12_400, transactionId }),
      expect.objectContaining({ timestamp: SECOND_SAMPLE_AT, measurand: 'Voltage', value: 230.1, unit: 'V', phase: 'L1', transactionId }),
      expect.objectContaining({ timestamp: SECOND_SAMPLE_AT, measurand: 'Energy.Active.Import.Register', value: 13.25, unit: 'kWh', transactionId }),
      expect.objectContaining({ timestamp: SECOND_SAMPLE_AT, measurand: 'Power.Active.Import', value: 7400, unit: 'W', transactionId }),
    ]);
    const later = await system.api<MeterValueView[]>(`/api/charge-points/${IDENTITY}/connectors/1/meter-values?from=${encodeURIComponent(SECOND_SAMPLE_AT)}`);
    expect(later.body.map((sample) => sample.measurand)).toEqual(['Voltage', 'Energy.Active.Import.Register', 'Power.Active.Import']);
    const earlier = await system.api<MeterValueView[]>(`/api/charge-points/${IDENTITY}/connectors/1/meter-values?to=${encodeURIComponent(SECOND_SAMPLE_AT)}`);
    expect(earlier.body.map((sample) => sample.value)).toEqual([12_400]);
  });

  it('a billing subscriber on NATS receives the completed transaction exactly once', async () => {
    await expect.poll(() => billing.deliveries(transactionId), { timeout: SLOW_MS }).toBe(1);
    expect(billing.received.find((completed) => completed.transactionId === transactionId)).toEqual({
      transactionId,
      chargePointIdentity: IDENTITY,
      connectorId: 1,
      idTag: CARD,
      tagOwner: OWNER,
      authorizationStatus: 'Accepted',
      meterStart: 12_000,
      meterEnd: 14_000,
      consumption: 2000,
      startedAt: STARTED_AT.toISOString(),
      stoppedAt: expect.any(String),
      stopReason: 'EVDisconnected',
    });
    // A duplicate could only arrive later than the original: give it the chance to.
    await delay(REDELIVERY_GRACE_MS);
    expect(billing.deliveries(transactionId)).toBe(1);
  });

  it('a session the wallbox charges on its own, with periodic meter values, is completed and billed with the energy it delivered', async () => {
    const session = await wallbox.plugInAndCharge({ connectorId: 2, idTag: CARD, wh: 3600, meterIntervalMs: 100, samples: 4 });
    expect(session.outcome).toBe('completed');
    const id = session.transactionId as number;
    expect(id).toBeGreaterThan(transactionId);
    expect(session.answers.meterValues).toHaveLength(4);

    await expect
      .poll(async () => (await system.api<TransactionView>(`/api/transactions/${id}`)).body, { timeout: SLOW_MS })
      .toMatchObject({ connectorId: 2, idTag: CARD, meterStart: 0, meterEnd: 3600, consumption: 3600, stopReason: 'Local' });
    await expect.poll(() => billing.deliveries(id), { timeout: SLOW_MS }).toBe(1);
    expect((await chargePoint(system, IDENTITY)).connectors[1]).toMatchObject({ transaction: false, transactionConsumption: 3600, meterValue: 3.6 });
    secondTransactionId = id;
  });

  it('the transactions are listed newest first, page by page', async () => {
    const all = await system.api<TransactionPage>('/api/transactions');
    expect(all.body.items.map((item) => item.transactionId)).toEqual([secondTransactionId, transactionId]);
    const first = await system.api<TransactionPage>('/api/transactions?limit=1');
    expect(first.body.items.map((item) => item.transactionId)).toEqual([secondTransactionId]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await system.api<TransactionPage>(`/api/transactions?limit=1&cursor=${encodeURIComponent(first.body.nextCursor as string)}`);
    expect(second.body.items.map((item) => item.transactionId)).toEqual([transactionId]);
    const third = second.body.nextCursor
      ? (await system.api<TransactionPage>(`/api/transactions?limit=1&cursor=${encodeURIComponent(second.body.nextCursor)}`)).body.items
      : [];
    expect(third).toEqual([]);
  });
});
