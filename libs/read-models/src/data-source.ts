import { Client } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { TypeOrmLogger } from '@voltstream/logging';
import { ChargePointRow } from './entities/charge-point.entity';
import { ConnectorRow } from './entities/connector.entity';
import { ProjectionCheckpointRow } from './entities/projection-checkpoint.entity';
import { TransactionRow } from './entities/transaction.entity';
import { MeterValueRow } from './entities/meter-value.entity';
import { LocalTagRow, TagRow } from './entities/tag.entity';
import { BillingOutboxRow } from './entities/billing-outbox.entity';
import { ParkedEventRow } from './entities/parked-event.entity';
import { LocalListSyncRow } from './entities/local-list-sync.entity';
import { DataTransferRow } from './entities/data-transfer.entity';
import { SecurityEventRow } from './entities/security-event.entity';
import { ChargePoints1764000000000 } from './migrations/1764000000000-charge-points';
import { Transactions1764100000000 } from './migrations/1764100000000-transactions';
import { LogOrderedWrites1764200000000 } from './migrations/1764200000000-log-ordered-writes';
import { ParkedEvents1764300000000 } from './migrations/1764300000000-parked-events';
import { ReservationRow } from './entities/reservation.entity';
import { Reservations1765300000000 } from './migrations/1765300000000-reservations';
import { LocalListSync1765200000000 } from './migrations/1765200000000-local-list-sync';
import { DataTransfers1765100000000 } from './migrations/1765100000000-data-transfers';
import { FirmwareStatus1765500000000 } from './migrations/1765500000000-firmware-status';
import { ChargingProfileRow } from './entities/charging-profile.entity';
import { ChargingProfiles1765400000000 } from './migrations/1765400000000-charging-profiles';
import { SecurityProfile1765600000000 } from './migrations/1765600000000-security-profile';
import { SecurityEvents1765700000000 } from './migrations/1765700000000-security-events';
import { LogStatus1765900000000 } from './migrations/1765900000000-log-status';
import { InstalledCertificateRow } from './entities/installed-certificate.entity';
import { InstalledCertificates1765800000000 } from './migrations/1765800000000-installed-certificates';
import { CertificateSigning1766300000000 } from './migrations/1766300000000-certificate-signing';

export const READ_MODEL_ENTITIES = [
  ChargePointRow,
  ConnectorRow,
  ProjectionCheckpointRow,
  TransactionRow,
  MeterValueRow,
  TagRow,
  LocalTagRow,
  BillingOutboxRow,
  ParkedEventRow,
  ReservationRow,
  ChargingProfileRow,
  LocalListSyncRow,
  DataTransferRow,
  SecurityEventRow,
  InstalledCertificateRow,
];
export const READ_MODEL_MIGRATIONS = [
  ChargePoints1764000000000,
  Transactions1764100000000,
  LogOrderedWrites1764200000000,
  ParkedEvents1764300000000,
  Reservations1765300000000,
  DataTransfers1765100000000,
  LocalListSync1765200000000,
  ChargingProfiles1765400000000,
  FirmwareStatus1765500000000,
  SecurityProfile1765600000000,
  SecurityEvents1765700000000,
  LogStatus1765900000000,
  InstalledCertificates1765800000000,
  CertificateSigning1766300000000,
];

/** TypeORM options for the read models: migrations run by `openReadModels`, never `synchronize`. */
export function readModelOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: READ_MODEL_ENTITIES,
    migrations: READ_MODEL_MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logger: new TypeOrmLogger(),
  };
}

/** Creates the database named in the URL if it does not exist yet (SPEC §8). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[A-Za-z0-9_-]{1,63}$/.test(name)) throw new Error(`Unsupported database name "${name}" in DATABASE_URL`);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount) return;
    await client.query(`CREATE DATABASE "${name}"`).catch((error: { code?: string }) => {
      // Another service created it at the same moment: 42P04 duplicate_database, or 23505 when
      // both passed the catalog check before either committed.
      if (error.code !== '42P04' && error.code !== '23505') throw error;
    });
  } finally {
    await client.end();
  }
}

/** Any constant both sides agree on: the key of the Postgres advisory lock (of the database) taken while migrating. */
export const MIGRATION_LOCK = 7_406_117;

/**
 * Runs pending migrations while holding an advisory lock, since several services (api,
 * state-projection, authorization, their replicas) open the same new database at the same moment.
 */
export async function migrateReadModels(dataSource: DataSource): Promise<void> {
  const lockHolder = dataSource.createQueryRunner();
  await lockHolder.connect();
  try {
    await lockHolder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'all' });
  } finally {
    await lockHolder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    await lockHolder.release();
  }
}

/** Ensures the database, connects and runs pending migrations. */
export async function openReadModels(databaseUrl: string): Promise<DataSource> {
  const dataSource = new DataSource(readModelOptions(databaseUrl));
  await connectReadModels(dataSource);
  await migrateReadModels(dataSource);
  return dataSource;
}

/**
 * The first half of {@link openReadModels} for a data source made beforehand, e.g. by a service
 * that works on while Postgres is down: ensures the database and connects. {@link migrateReadModels}
 * is the second.
 */
export async function connectReadModels(dataSource: DataSource): Promise<void> {
  const { url } = dataSource.options as { url: string };
  await ensureDatabase(url);
  if (!dataSource.isInitialized) await dataSource.initialize();
}


export async function dropDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
