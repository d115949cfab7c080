import { afterAll, describe, expect, it } from 'vitest';
import { testEnv, uniqueNamespace } from '@voltstream/testing';
import { ChargePointRow, ConnectorRow, dropDatabase, openReadModels } from './index';

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
});
