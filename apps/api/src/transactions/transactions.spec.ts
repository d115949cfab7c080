import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '@voltstream/contracts';
import { startTestApi, type TestApi } from '../../test-support/api-harness';

const owner = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' };
const at = (minute: number) => new Date(Date.UTC(2026, 0, 15, 8, minute));

describe('transactions and meter values (recorded through the event log and the projection)', () => {
  let t: TestApi;

  async function start(identity: string, transactionId: number, connectorId: number, minute: number): Promise<void> {
    const data = {
      transactionId,
      connectorId,
      idTag: 'CARD-1',
      meterStart: 1000,
      timestamp: at(minute).toISOString(),
      authorizationStatus: 'Accepted' as const,
      tagOwner: owner,
    };
    await t.record(createEvent('TransactionStarted', data, identity, at(minute)));
  }

  async function meter(identity: string, transactionId: number, minute: number, wh: number): Promise<void> {
    const sampledValue = [{ value: String(wh), measurand: 'Energy.Active.Import.Register', unit: 'Wh', context: 'Sample.Periodic' }];
    const data = { connectorId: 1, transactionId, meterValue: [{ timestamp: at(minute).toISOString(), sampledValue }] };
    await t.record(createEvent('MeterValuesReported', data, identity, at(minute)));
  }

  async function stop(identity: string, transactionId: number, minute: number): Promise<void> {
    const data = { transactionId, meterStop: 2500, timestamp: at(minute).toISOString(), reason: 'EVDisconnected', known: true };
    await t.record(createEvent('TransactionStopped', data, identity, at(minute)));
  }

  beforeAll(async () => {
    t = await startTestApi({ projection: true });
    await t.record(createEvent('ConnectorStatusChanged', { connectorId: 1, status: 'Available', errorCode: 'NoError' }, 'CP-A', at(0)));
    await t.record(createEvent('ConnectorStatusChanged', { connectorId: 1, status: 'Available', errorCode: 'NoError' }, 'CP-B', at(0)));
    await start('CP-A', 1, 1, 1);
    await meter('CP-A', 1, 2, 1400);
    await meter('CP-A', 1, 3, 2000);
    await stop('CP-A', 1, 4);
    await start('CP-B', 2, 1, 5);
    await stop('CP-B', 2, 6);
    await start('CP-A', 3, 1, 7);
    await start('CP-B', 4, 1, 8);
  });
  afterAll(() => t?.close());

  const ids = (page: { items: { transactionId: number }[] }) => page.items.map((item) => item.transactionId);

  it('lists newest first, a page at a time, following the opaque cursor to the end', async () => {
    const first = (await t.request('GET', '/api/transactions?limit=3')).body;
    expect(ids(first)).toEqual([4, 3, 2]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await t.request('GET', `/api/transactions?limit=3&cursor=${first.nextCursor}`)).body;
    expect(second).toMatchObject({ nextCursor: null });
    expect(ids(second)).toEqual([1]);
    expect(ids((await t.request('GET', '/api/transactions')).body)).toEqual([4, 3, 2, 1]);
  });

  it('filters by charge point and by whether the transaction is active', async () => {
    expect(ids((await t.request('GET', '/api/transactions?chargePoint=CP-A')).body)).toEqual([3, 1]);
    expect(ids((await t.request('GET', '/api/transactions?active=true')).body)).toEqual([4, 3]);
    const finishedOfB = await t.request('GET', '/api/transactions?active=false&chargePoint=CP-B&limit=1');
    expect(ids(finishedOfB.body)).toEqual([2]);
    expect(finishedOfB.body.nextCursor).toBeNull();
  });

  it('shows one transaction with the fields of SPEC §5 and its meter values', async () => {
    const answer = await t.request('GET', '/api/transactions/1');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      transactionId: 1,
      chargePointIdentity: 'CP-A',
      connectorId: 1,
      idTag: 'CARD-1',
      tagOwner: owner,
      authorizationStatus: 'Accepted',
      meterStart: 1000,
      meterEnd: 2500,
      consumption: 1500,
      startedAt: at(1).toISOString(),
      stoppedAt: at(4).toISOString(),
      stopReason: 'EVDisconnected',
    });
    expect(answer.body.meterValues).toEqual([
      expect.objectContaining({ timestamp: at(2).toISOString(), measurand: 'Energy.Active.Import.Register', value: 1400, unit: 'Wh' }),
      expect.objectContaining({ timestamp: at(3).toISOString(), value: 2000, context: 'Sample.Periodic', transactionId: 1 }),
    ]);
  });

  it('shows a transaction without meter values with an empty list', async () => {
    const answer = await t.request('GET', '/api/transactions/2');
    expect(answer.body).toMatchObject({ transactionId: 2, chargePointIdentity: 'CP-B', meterEnd: 2500, stoppedAt: at(6).toISOString(), meterValues: [] });
  });

  it("serves a connector's meter history between from and to", async () => {
    const all = await t.request('GET', '/api/charge-points/CP-A/connectors/1/meter-values');
    expect(all.body.map((value: { value: number }) => value.value)).toEqual([1400, 2000]);
    const from = encodeURIComponent(at(3).toISOString());
    const to = encodeURIComponent(at(10).toISOString());
    const window = await t.request('GET', `/api/charge-points/CP-A/connectors/1/meter-values?from=${from}&to=${to}`);
    expect(window.body.map((value: { value: number }) => value.value)).toEqual([2000]);
  });
});
