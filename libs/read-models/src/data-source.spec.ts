import { afterAll, describe, expect, it } from 'vitest';
import { testEnv, uniqueNamespace } from '@voltstream/testing';
import { ChargePointRow, ConnectorRow, dropDatabase, MeterValueRow, openReadModels, TransactionRow } from './index';

describe('read models on a real Postgres', () => {
  const { DATABASE_URL } = testEnv(uniqueNamespace());
  afterAll(() => dropDatabase(DATABASE_URL));

  it('creates the database, runs the migrations and matches the entities', async () => {
    const dataSource = await openReadModels(DATABASE_URL);
    await dataSource.getRepository(ChargePointRow).insert({ identity: 'CP.1', state: 'discovered' });
    await dataSource.getRepository(ConnectorRow).insert({ chargePointIdentity: 'CP.1', connectorId: 1, status: 'Available' });
    const row = await dataSource.getRepository(ChargePointRow).findOneOrFail({ where: { identity: 'CP.1' }, relations: { connectors: true } });
    expect(row).toMatchObject({ state: 'discovered', online: false, relaxations: [], connectors: [{ connectorId: 1, errorCode: '', transactionConsumption: 0 }] });
    await dataSource.destroy();
    const again = await openReadModels(DATABASE_URL);
    expect(await again.getRepository(ChargePointRow).count()).toBe(1);
    await again.destroy();
  });

  it('lets several services open a new database at the same moment', async () => {
    const { DATABASE_URL: fresh } = testEnv(uniqueNamespace());
    const opened = await Promise.all([1, 2, 3, 4].map(() => openReadModels(fresh)));
    const applied = await opened[0].query('SELECT count(*)::int AS count FROM migrations');
    expect(applied[0].count).toBe(opened[0].migrations.length);
    await Promise.all(opened.map((dataSource) => dataSource.destroy()));
    await dropDatabase(fresh);
  });

  it('keeps a meter sample sent again once and reads transactions back', async () => {
    const dataSource = await openReadModels(DATABASE_URL);
    const at = new Date('2025-01-01T10:00:00Z');
    const sample = { id: '1', chargePointIdentity: 'CP.1', connectorId: 1, transactionId: 7, timestamp: at, receivedAt: at, timestampPlausible: true, orderedAt: at, measurand: 'Energy.Active.Import.Register', value: 1234, unit: 'Wh', phase: null };
    const meterValues = dataSource.getRepository(MeterValueRow);
    await meterValues.createQueryBuilder().insert().values([sample]).orIgnore().execute();
    await meterValues.createQueryBuilder().insert().values([{ ...sample, id: '2' }]).orIgnore().execute();
    expect(await meterValues.count()).toBe(1);
    await dataSource.getRepository(TransactionRow).insert({ transactionId: 7, chargePointIdentity: 'CP.1', connectorId: 1, meterStart: 1000, tagOwner: { firstName: 'A', lastName: 'B', email: 'a@b.c' } });
    const transaction = await dataSource.getRepository(TransactionRow).findOneByOrFail({ transactionId: 7 });
    expect(transaction).toMatchObject({ known: true, consumption: 0, meterEnd: null, tagOwner: { firstName: 'A' } });
    await dataSource.destroy();
  });
});
