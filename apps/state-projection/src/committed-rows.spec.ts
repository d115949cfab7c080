import { describe, expect, it } from 'vitest';
import { createEvent, type EventOf, type EventType, type VoltstreamEvent } from '@voltstream/contracts';
import { noRows, ProjectionBatch, rowsToLoad, type LoadedRows, type RowsToLoad } from '@voltstream/domain';
import { CommittedRows } from './committed-rows';

const NOTHING: LoadedRows = noRows();
let clock = Date.parse('2025-05-01T08:00:00Z');

function event<T extends EventType>(identity: string, type: T, data: EventOf<T>['data']): EventOf<T> {
  return createEvent(type, data, identity, new Date((clock += 1000)));
}

const start = (identity: string, transactionId: number) =>
  event(identity, 'TransactionStarted', { transactionId, connectorId: 1, idTag: 'T', meterStart: 0, timestamp: '2025-05-01T08:00:00Z', authorizationStatus: 'Accepted', tagOwner: null });
const stop = (identity: string, transactionId: number) => event(identity, 'TransactionStopped', { transactionId, meterStop: 900, timestamp: '2025-05-01T09:00:00Z', known: true });
const meter = (identity: string, wh: number) =>
  event(identity, 'MeterValuesReported', { connectorId: 1, meterValue: [{ timestamp: '2025-05-01T08:30:00Z', sampledValue: [{ value: String(wh), unit: 'Wh' }] }] });

/** What the projection worker does with a batch, with `database` standing in for the rows committed before. */
async function project(committed: CommittedRows, events: VoltstreamEvent[], database: LoadedRows = NOTHING): Promise<RowsToLoad[]> {
  const reads: RowsToLoad[] = [];
  const keys = rowsToLoad(events);
  const batch = new ProjectionBatch(
    await committed.rowsFor(keys, async (missing) => {
      reads.push(missing);
      return database;
    }),
  );
  events.forEach((each, index) => batch.apply(each, index + 1));
  committed.remember(keys, batch.rows());
  return reads;
}

describe('rows committed by earlier batches', () => {
  it('reads a charge point once, then serves its rows and running transaction from memory', async () => {
    const committed = new CommittedRows();
    expect(await project(committed, [event('CP-1', 'ConnectorStatusChanged', { connectorId: 1, status: 'Available', errorCode: 'NoError' }), start('CP-1', 5)])).toEqual([
      { identities: ['CP-1'], transactionIds: [5], reservationIds: [] },
    ]);
    expect(await project(committed, [meter('CP-1', 400)])).toEqual([]);
    const keys = { identities: ['CP-1'], transactionIds: [], reservationIds: [] };
    const rows = await committed.rowsFor(keys, () => Promise.reject(new Error('no read expected')));
    expect(rows.connectors).toMatchObject([{ connectorId: 1, status: 'Available', transaction: true, transactionId: 5, transactionConsumption: 400 }]);
    expect(rows.transactions).toMatchObject([{ transactionId: 5, consumption: 400, stoppedAt: null }]);
  });

  it('forgets a stopped transaction: a later event naming it reads it again', async () => {
    const committed = new CommittedRows();
    await project(committed, [start('CP-1', 5)]);
    expect(await project(committed, [stop('CP-1', 5)])).toEqual([]);
    expect(await project(committed, [stop('CP-1', 5)])).toEqual([{ identities: [], transactionIds: [5], reservationIds: [] }]);
  });

  it('remembers that an identity has no rows, and what a forgetting left', async () => {
    const committed = new CommittedRows();
    await project(committed, [event('CP-2', 'LocalTagRemoved', { idTag: 'X' })]);
    expect(await committed.rowsFor({ identities: ['CP-2'], transactionIds: [], reservationIds: [] }, () => Promise.reject(new Error('no read expected')))).toEqual(NOTHING);
    await project(committed, [event('CP-3', 'HeartbeatReceived', {}), event('CP-3', 'ChargePointForgotten', {})]);
    expect(await committed.rowsFor({ identities: ['CP-3'], transactionIds: [], reservationIds: [] }, () => Promise.reject(new Error('no read expected')))).toEqual(NOTHING);
  });

  it('remembers which identities may hold charging profiles, as read or as a batch installed one', async () => {
    const committed = new CommittedRows();
    await project(committed, [start('CP-1', 5), start('CP-2', 6)], { ...NOTHING, chargingProfileHolders: ['CP-1'] });
    const profile = { chargingProfileId: 1, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Absolute', chargingSchedule: { chargingRateUnit: 'A' } };
    await project(committed, [event('CP-3', 'ChargingProfileSet', { connectorId: 0, chargingProfile: profile })]);
    const rows = await committed.rowsFor({ identities: ['CP-1', 'CP-2', 'CP-3'], transactionIds: [], reservationIds: [] }, () => Promise.reject(new Error('no read expected')));
    expect(rows.chargingProfileHolders).toEqual(['CP-1', 'CP-3']);
  });

  it('reads everything again once cleared', async () => {
    const committed = new CommittedRows();
    await project(committed, [start('CP-1', 5)]);
    committed.clear();
    expect(await project(committed, [meter('CP-1', 100)])).toEqual([{ identities: ['CP-1'], transactionIds: [], reservationIds: [] }]);
  });
});

describe('reservations', () => {
  it('are read from the database for every batch that names one, never kept in memory', async () => {
    const committed = new CommittedRows();
    const request = event('CP-1', 'ReservationRequested', { reservationId: 9, connectorId: 1, idTag: 'T', expiresAt: '2025-05-01T10:00:00Z' });
    expect(await project(committed, [request])).toEqual([{ identities: ['CP-1'], transactionIds: [], reservationIds: [9] }]);
    expect(await project(committed, [event('CP-1', 'ReservationAccepted', { reservationId: 9 })])).toEqual([{ identities: [], transactionIds: [], reservationIds: [9] }]);
  });
});
