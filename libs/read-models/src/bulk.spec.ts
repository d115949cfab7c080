import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { testEnv, uniqueNamespace } from '@voltstream/testing';
import { ChargePointRow, combinedUpserts, ConnectorRow, deleteRows, dropDatabase, LocalTagRow, openReadModels, ProjectionCheckpointRow, TagRow, TransactionRow, upsertRows } from './index';

describe('bulk writes on a real Postgres', () => {
  const { DATABASE_URL } = testEnv(uniqueNamespace());
  let dataSource: DataSource;
  beforeAll(async () => (dataSource = await openReadModels(DATABASE_URL)));
  afterAll(async () => {
    await dataSource.destroy();
    await dropDatabase(DATABASE_URL);
  });

  const chargePoint = (identity: string, vendor: string | null) =>
    Object.assign(new ChargePointRow(), { identity, state: 'discovered', online: false, connectionId: null, lastSeenAt: new Date('2025-01-01T00:00:00.123Z'), startMode: null, autoStartIdTag: null, description: null, passwordSet: false, securityProfile: 0, relaxations: ['acceptNumericStrings'], acceptedDataTransferVendors: [], vendor, model: null, serialNumber: null, firmwareVersion: null, registrationStatus: null, lastIdTag: null, status: null, errorCode: null, firmwareStatus: null, firmwareStatusAt: null, diagnosticsStatus: null, diagnosticsStatusAt: null });

  it('inserts and updates many rows at once, JSON and dates included', async () => {
    await upsertRows(dataSource.manager, ChargePointRow, [chargePoint('A', 'one'), chargePoint('B"\\', null)], 'update');
    await upsertRows(dataSource.manager, ChargePointRow, [chargePoint('A', 'two')], 'update');
    await upsertRows(dataSource.manager, ChargePointRow, [chargePoint('A', 'three')], 'ignore');
    const rows = await dataSource.getRepository(ChargePointRow).find({ order: { identity: 'ASC' } });
    expect(rows.map(({ identity, vendor, relaxations, lastSeenAt }) => ({ identity, vendor, relaxations, lastSeenAt }))).toEqual([
      { identity: 'A', vendor: 'two', relaxations: ['acceptNumericStrings'], lastSeenAt: new Date('2025-01-01T00:00:00.123Z') },
      { identity: 'B"\\', vendor: null, relaxations: ['acceptNumericStrings'], lastSeenAt: new Date('2025-01-01T00:00:00.123Z') },
    ]);
  });

  it('writes rows whose key is also a relation and deletes by composite keys', async () => {
    const connector = { chargePointIdentity: 'A', meterValue: 1.5, available: true, status: 'Available', errorCode: '', transaction: false, transactionId: null, transactionMeterStart: 0, transactionMeterEnd: null, transactionIdTag: null, transactionConsumption: 0 };
    await upsertRows(dataSource.manager, ConnectorRow, [{ ...connector, connectorId: 1 }, { ...connector, connectorId: 2 }] as ConnectorRow[], 'update');
    await deleteRows(dataSource.manager, ConnectorRow, [{ chargePointIdentity: 'A', connectorId: 1 }]);
    expect(await dataSource.getRepository(ConnectorRow).find()).toMatchObject([{ chargePointIdentity: 'A', connectorId: 2, meterValue: 1.5 }]);
    const tag = { chargePointIdentity: 'A', idTag: 'T', firstName: 'F', lastName: 'L', email: 'e', info: '', expiresAt: null, blocked: false, parentIdTag: null };
    await upsertRows(dataSource.manager, LocalTagRow, [tag, { ...tag, chargePointIdentity: 'B' }], 'update');
    await deleteRows(dataSource.manager, LocalTagRow, [{ chargePointIdentity: 'B', idTag: 'T' }]);
    expect(await dataSource.getRepository(LocalTagRow).find()).toMatchObject([{ chargePointIdentity: 'A', idTag: 'T' }]);
  });

  it('keeps JSON arrays and nulls of a transaction', async () => {
    const transactionData = [{ timestamp: '2025-01-01T00:00:00Z', sampledValue: [{ value: '1', unit: 'Wh' }] }];
    const transaction = { transactionId: 5, chargePointIdentity: 'A', connectorId: null, idTag: null, tagOwner: null, authorizationStatus: null, meterStart: null, meterEnd: 10, consumption: 0, startedAt: null, stoppedAt: new Date('2025-01-01T01:00:00Z'), stopReason: 'Local', transactionData, known: false };
    await upsertRows(dataSource.manager, TransactionRow, [transaction], 'update');
    expect(await dataSource.getRepository(TransactionRow).findOneByOrFail({ transactionId: 5 })).toEqual(transaction);
  });

  it('writes several tables in one statement, a row referring to one inserted by the same statement', async () => {
    const connector = { chargePointIdentity: 'C', connectorId: 1, meterValue: null, available: true, status: 'Unknown', errorCode: '', transaction: false, transactionId: null, transactionMeterStart: 0, transactionMeterEnd: null, transactionIdTag: null, transactionConsumption: 0 };
    const statement = combinedUpserts(dataSource, [
      { entity: ChargePointRow, rows: [chargePoint('C', 'new')], onConflict: 'update' },
      { entity: ConnectorRow, rows: [connector], onConflict: 'update' },
      { entity: TagRow, rows: [], onConflict: 'update' },
      { entity: ProjectionCheckpointRow, rows: [{ projection: 'bulk-spec', sequence: 42, appliedAbove: [44] }], onConflict: 'update' },
    ]);
    await dataSource.query(statement.text, statement.values);
    expect(await dataSource.getRepository(ConnectorRow).findOneBy({ chargePointIdentity: 'C' })).toMatchObject({ connectorId: 1, status: 'Unknown' });
    expect(await dataSource.getRepository(ChargePointRow).findOneBy({ identity: 'C' })).toMatchObject({ vendor: 'new' });
    expect(await dataSource.getRepository(ProjectionCheckpointRow).findOneBy({ projection: 'bulk-spec' })).toEqual({ projection: 'bulk-spec', sequence: 42, appliedAbove: [44] });
  });

  it('writes nothing of a combined statement when one of its parts fails', async () => {
    const tooLong = { ...chargePoint('D', 'x'.repeat(21)) };
    const statement = combinedUpserts(dataSource, [
      { entity: ChargePointRow, rows: [tooLong], onConflict: 'update' },
      { entity: ProjectionCheckpointRow, rows: [{ projection: 'bulk-spec', sequence: 43, appliedAbove: [] }], onConflict: 'update' },
    ]);
    await expect(dataSource.query(statement.text, statement.values)).rejects.toThrow(/too long/);
    expect(await dataSource.getRepository(ProjectionCheckpointRow).findOneBy({ projection: 'bulk-spec' })).toMatchObject({ sequence: 42 });
  });

  it('refuses to combine nothing', () => {
    expect(() => combinedUpserts(dataSource, [{ entity: TagRow, rows: [], onConflict: 'update' }])).toThrow(/at least one row/);
  });
});
