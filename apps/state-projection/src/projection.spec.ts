import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSONCodec, type ConsumerMessages, type NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import { loadConfig, type Config } from '@voltstream/config';
import { createEvent, subjectsFor, type EventOf, type EventType, type MeterValue } from '@voltstream/contracts';
import { connectNats, ensureStreams, EventPublisher } from '@voltstream/nats';
import {
  ChargePointRow,
  ChargingProfileRow,
  InstalledCertificateRow,
  ConnectorRow,
  dropDatabase,
  LocalTagRow,
  MeterValueRow,
  openReadModels,
  ParkedEventRow,
  ProjectionCheckpointRow,
  ReservationRow,
  STATE_PROJECTION,
  TransactionRow,
} from '@voltstream/read-models';
import { testEnv, uniqueNamespace } from '@voltstream/testing';
import { tableContents } from '../test-support/event-log';
import { startProjection, type RunningProjection } from './projection';
import { rebuildProjection } from './rebuild';

const namespace = uniqueNamespace();
const config: Config = loadConfig(testEnv(namespace));
const subjects = subjectsFor(namespace);
const codec = JSONCodec<{ transactionId: number }>();

let nc: NatsConnection;
let publisher: EventPublisher;
let projection: RunningProjection;
let db: DataSource;
let lastSequence = 0;
const billed: { transactionId: number }[] = [];
let billing: ConsumerMessages;

async function publish<T extends EventType>(chargePoint: string, type: T, data: EventOf<T>['data']): Promise<void> {
  const ack = await publisher.publish(createEvent(type, data, chargePoint, new Date()));
  lastSequence = ack.seq;
}

const chargePoint = (identity: string) => db.getRepository(ChargePointRow).findOneBy({ identity });
const connector = (identity: string, connectorId: number) => db.getRepository(ConnectorRow).findOneBy({ chargePointIdentity: identity, connectorId });
const transaction = (transactionId: number) => db.getRepository(TransactionRow).findOneBy({ transactionId });
const register = (wh: number, timestamp: string): MeterValue[] => [{ timestamp, sampledValue: [{ value: String(wh), unit: 'Wh', context: 'Sample.Periodic' }] }];
const tagOwner = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.org' };
const checkpoint = () => db.getRepository(ProjectionCheckpointRow).findOneByOrFail({ projection: STATE_PROJECTION });

function startTransaction(identity: string, transactionId: number, meterStart: number) {
  return publish(identity, 'TransactionStarted', {
    transactionId,
    connectorId: 1,
    idTag: 'TAG1',
    meterStart,
    timestamp: '2025-06-01T10:00:00.000Z',
    authorizationStatus: 'Accepted',
    tagOwner,
  });
}

function stopTransaction(identity: string, transactionId: number, meterStop: number, known = true) {
  return publish(identity, 'TransactionStopped', { transactionId, meterStop, timestamp: '2025-06-01T11:00:00.000Z', reason: 'EVDisconnected', known });
}

beforeAll(async () => {
  nc = await connectNats(config.natsUrl, 'state-projection-spec');
  await ensureStreams(nc, subjects);
  publisher = new EventPublisher(nc, subjects);
  projection = await startProjection(config);
  db = await openReadModels(config.databaseUrl);
  billing = await (await nc.jetstream().consumers.get(subjects.billingStream)).consume({
    callback: (message) => billed.push(codec.decode(message.data)),
  });
});

afterAll(async () => {
  await billing?.close();
  await projection?.close();
  await db?.destroy();
  const jsm = await nc.jetstreamManager();
  for (const stream of [subjects.eventsStream, subjects.billingStream, subjects.transactionIdStream, subjects.reservationIdStream]) await jsm.streams.delete(stream);
  await nc.close();
  await dropDatabase(config.databaseUrl);
});

describe('state projection on real NATS and Postgres', () => {
  it('discovers a charge point on its first event and adopts it without the password hash', async () => {
    await publish('CP-A', 'HeartbeatReceived', {});
    await expect.poll(() => chargePoint('CP-A')).toMatchObject({ state: 'discovered', lastSeenAt: expect.any(Date) });
    const settings = { startMode: 'centralList' as const, relaxations: [], autoStartIdTag: null, passwordHash: 'scrypt$do-not-show', description: 'Depot 1' };
    await publish('CP-A', 'ChargePointAdopted', settings);
    await expect.poll(() => chargePoint('CP-A')).toMatchObject({ state: 'adopted', startMode: 'centralList', description: 'Depot 1', passwordSet: true });
    expect(JSON.stringify(await db.query(`SELECT * FROM charge_points`))).not.toContain('do-not-show');
  });

  it('stays online when an older connection of the charge point closes', async () => {
    await publish('CP-B', 'ChargePointConnected', { connectionId: 'c1', gatewayId: 'g1' });
    await publish('CP-B', 'ChargePointConnected', { connectionId: 'c2', gatewayId: 'g2' });
    await publish('CP-B', 'ChargePointDisconnected', { connectionId: 'c1', gatewayId: 'g1', reason: 'replaced' });
    await projection.reached(lastSequence);
    expect(await chargePoint('CP-B')).toMatchObject({ online: true, connectionId: 'c2' });
    await publish('CP-B', 'ChargePointDisconnected', { connectionId: 'c2', gatewayId: 'g2', reason: 'closed' });
    await expect.poll(() => chargePoint('CP-B')).toMatchObject({ online: false, connectionId: null });
  });

  it('creates connectors as they are reported and keeps their status', async () => {
    await publish('CP-C', 'ConnectorStatusChanged', { connectorId: 0, status: 'Available', errorCode: 'NoError' });
    await publish('CP-C', 'ConnectorStatusChanged', { connectorId: 1, status: 'Available', errorCode: 'NoError' });
    await publish('CP-C', 'ConnectorStatusChanged', { connectorId: 2, status: 'Unavailable', errorCode: 'OtherError' });
    await expect.poll(() => db.getRepository(ConnectorRow).find({ where: { chargePointIdentity: 'CP-C' }, order: { connectorId: 'ASC' } })).toMatchObject([
      { connectorId: 1, status: 'Available', errorCode: '', available: true },
      { connectorId: 2, status: 'Unavailable', errorCode: 'OtherError', available: false },
    ]);
    expect(await chargePoint('CP-C')).toMatchObject({ status: 'Available', errorCode: '' });
  });

  it('shows live consumption while charging, the final values after the stop, and bills it once', async () => {
    await startTransaction('CP-D', 1, 10_000);
    await publish('CP-D', 'MeterValuesReported', { connectorId: 1, transactionId: 1, meterValue: register(12_500, '2025-06-01T10:30:00.000Z') });
    await expect.poll(() => connector('CP-D', 1)).toMatchObject({ transaction: true, transactionId: 1, transactionConsumption: 2500, meterValue: 12.5, transactionIdTag: 'TAG1' });
    expect(await transaction(1)).toMatchObject({ consumption: 2500, stoppedAt: null, known: true });
    await stopTransaction('CP-D', 1, 14_000);
    await expect.poll(() => transaction(1)).toMatchObject({ meterEnd: 14_000, consumption: 4000, stopReason: 'EVDisconnected', stoppedAt: new Date('2025-06-01T11:00:00.000Z') });
    expect(await connector('CP-D', 1)).toMatchObject({ transaction: false, transactionMeterEnd: 14_000, transactionConsumption: 4000 });
    expect(await db.getRepository(MeterValueRow).findBy({ transactionId: 1 })).toMatchObject([{ value: 12_500, measurand: 'Energy.Active.Import.Register', timestampPlausible: true }]);
    await expect.poll(() => billed).toEqual([
      {
        transactionId: 1,
        chargePointIdentity: 'CP-D',
        connectorId: 1,
        idTag: 'TAG1',
        tagOwner,
        authorizationStatus: 'Accepted',
        meterStart: 10_000,
        meterEnd: 14_000,
        consumption: 4000,
        startedAt: '2025-06-01T10:00:00.000Z',
        stoppedAt: '2025-06-01T11:00:00.000Z',
        stopReason: 'EVDisconnected',
      },
    ]);
  });

  it('records a stop for an unknown transaction and ignores a second stop', async () => {
    await stopTransaction('CP-E', 77, 500, false);
    await expect.poll(() => transaction(77)).toMatchObject({ known: false, meterEnd: 500, connectorId: null, meterStart: null });
    await startTransaction('CP-E', 2, 100);
    await stopTransaction('CP-E', 2, 600);
    await projection.reached(lastSequence);
    const first = await transaction(2);
    await stopTransaction('CP-E', 2, 9_999);
    await projection.reached(lastSequence);
    expect(await transaction(2)).toEqual(first);
    expect(billed.map((message) => message.transactionId)).toEqual([1, 2]);
  });

  it('forgets a charge point with its connectors and local tags; its next event discovers it again', async () => {
    const localTag = { idTag: 'LOC9', firstName: 'L', lastName: 'T', email: 'l@t.org', info: '', expiresAt: null, blocked: false, parentIdTag: null };
    await publish('CP-H', 'ChargePointAdopted', { startMode: 'anyTag', relaxations: [], autoStartIdTag: null, passwordHash: null, description: null });
    await publish('CP-H', 'ConnectorStatusChanged', { connectorId: 1, status: 'Available', errorCode: 'NoError' });
    await publish('CP-H', 'LocalTagSaved', { tag: localTag });
    await projection.reached(lastSequence);
    expect(await db.getRepository(LocalTagRow).countBy({ chargePointIdentity: 'CP-H' })).toBe(1);
    await publish('CP-H', 'ChargePointForgotten', {});
    await publish('CP-H', 'HeartbeatReceived', {});
    await expect.poll(() => chargePoint('CP-H')).toMatchObject({ state: 'discovered', startMode: null });
    expect(await connector('CP-H', 1)).toBeNull();
    expect(await db.getRepository(LocalTagRow).countBy({ chargePointIdentity: 'CP-H' })).toBe(0);
  });

  it('retries a batch the database cannot take for a cause other than its data (an outage) until it is accepted, parking nothing', async () => {
    const rollbacks = async () => Number((await db.query(`SELECT xact_rollback FROM pg_stat_database WHERE datname = current_database()`))[0].xact_rollback);
    await publish('CP-R', 'ConnectorStatusChanged', { connectorId: 1, status: 'Available', errorCode: 'NoError' });
    await projection.reached(lastSequence);
    const before = await rollbacks();
    await db.query(`ALTER TABLE connectors RENAME TO connectors_away`);
    await publish('CP-R', 'ConnectorStatusChanged', { connectorId: 1, status: 'Faulted', errorCode: 'NoError' });
    await publish('CP-R', 'ConnectorStatusChanged', { connectorId: 2, status: 'Charging', errorCode: 'NoError' });
    await expect.poll(rollbacks, { timeout: 10_000 }).toBeGreaterThan(before + 3);
    await db.query(`ALTER TABLE connectors_away RENAME TO connectors`);
    await projection.reached(lastSequence);
    expect(await db.getRepository(ConnectorRow).find({ where: { chargePointIdentity: 'CP-R' }, order: { connectorId: 'ASC' } })).toMatchObject([
      { connectorId: 1, status: 'Faulted' },
      { connectorId: 2, status: 'Charging' },
    ]);
    expect(await db.getRepository(ParkedEventRow).count()).toBe(0);
  });

  it('keeps each reservation where its events left it: used by the start that names it, expired, rejected with the answer', async () => {
    const expiresAt = '2025-06-01T12:00:00.000Z';
    await publish('CP-V', 'ReservationRequested', { reservationId: 1, connectorId: 1, idTag: 'TAG1', expiresAt });
    await publish('CP-V', 'ReservationAccepted', { reservationId: 1 });
    await publish('CP-V', 'TransactionStarted', {
      transactionId: 21,
      connectorId: 1,
      idTag: 'TAG1',
      meterStart: 0,
      timestamp: '2025-06-01T10:00:00.000Z',
      reservationId: 1,
      authorizationStatus: 'Accepted',
      tagOwner,
    });
    await publish('CP-V', 'ReservationRequested', { reservationId: 2, connectorId: 0, idTag: 'TAG2', parentIdTag: 'FLEET', expiresAt });
    await publish('CP-V', 'ReservationAccepted', { reservationId: 2 });
    await publish('CP-V', 'ReservationExpired', { reservationId: 2 });
    await publish('CP-V', 'ReservationRequested', { reservationId: 3, connectorId: 2, idTag: 'TAG3', expiresAt });
    await publish('CP-V', 'ReservationRejected', { reservationId: 3, status: 'Occupied', reason: 'charge point CP-V answered Occupied' });
    await projection.reached(lastSequence);
    expect(await db.getRepository(ReservationRow).find({ order: { reservationId: 'ASC' } })).toMatchObject([
      { reservationId: 1, chargePointIdentity: 'CP-V', status: 'used', transactionId: 21, answer: 'Accepted' },
      { reservationId: 2, connectorId: 0, parentIdTag: 'FLEET', status: 'expired', expiresAt: new Date(expiresAt) },
      { reservationId: 3, status: 'rejected', answer: 'Occupied', reason: 'charge point CP-V answered Occupied' },
    ]);
  });

  it('keeps the charging profiles each wallbox accepted: replaced by id or by stack level, cleared, ended with their transaction, bound to a remote start', async () => {
    const schedule = { chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 7400 }] };
    const profile = (chargingProfileId: number, chargingProfilePurpose: string, stackLevel: number, transactionId?: number) => ({
      chargingProfileId,
      stackLevel,
      chargingProfilePurpose,
      chargingProfileKind: 'Relative',
      chargingSchedule: schedule,
      ...(transactionId === undefined ? {} : { transactionId }),
    });
    await publish('CP-Q', 'ChargingProfileSet', { connectorId: 1, chargingProfile: profile(4, 'TxDefaultProfile', 0) });
    await publish('CP-P', 'ChargingProfileSet', { connectorId: 0, chargingProfile: profile(1, 'ChargePointMaxProfile', 0) });
    await publish('CP-P', 'ChargingProfileSet', { connectorId: 1, chargingProfile: profile(2, 'TxDefaultProfile', 1) });
    await publish('CP-P', 'ChargingProfileSet', { connectorId: 1, chargingProfile: profile(3, 'TxDefaultProfile', 1) });
    await publish('CP-P', 'ChargingProfileSet', { connectorId: 2, chargingProfile: profile(4, 'TxDefaultProfile', 0) });
    await publish('CP-P', 'ChargingProfileSet', { connectorId: 1, chargingProfile: profile(5, 'TxProfile', 0, 51) });
    await publish('CP-P', 'ChargingProfileSet', { connectorId: 0, chargingProfile: profile(6, 'TxProfile', 2), remoteStartIdTag: 'REMOTE' });
    await publish('CP-P', 'TransactionStarted', {
      transactionId: 52,
      connectorId: 2,
      idTag: 'REMOTE',
      meterStart: 0,
      timestamp: '2025-06-01T10:00:00.000Z',
      authorizationStatus: 'Accepted',
      tagOwner: null,
    });
    await publish('CP-P', 'TransactionStopped', { transactionId: 51, meterStop: 0, timestamp: '2025-06-01T11:00:00.000Z', known: false });
    await publish('CP-P', 'ChargingProfilesCleared', { connectorId: 2, chargingProfilePurpose: 'TxDefaultProfile' });
    await projection.reached(lastSequence);
    const installed = async (identity: string) =>
      (await db.getRepository(ChargingProfileRow).find({ where: { chargePointIdentity: identity }, order: { chargingProfileId: 'ASC' } })).map(
        ({ chargingProfileId, connectorId, purpose, stackLevel, transactionId, remoteStartIdTag }) => ({ chargingProfileId, connectorId, purpose, stackLevel, transactionId, remoteStartIdTag }),
      );
    expect(await installed('CP-P')).toEqual([
      { chargingProfileId: 1, connectorId: 0, purpose: 'ChargePointMaxProfile', stackLevel: 0, transactionId: null, remoteStartIdTag: null },
      { chargingProfileId: 3, connectorId: 1, purpose: 'TxDefaultProfile', stackLevel: 1, transactionId: null, remoteStartIdTag: null },
      { chargingProfileId: 6, connectorId: 2, purpose: 'TxProfile', stackLevel: 2, transactionId: 52, remoteStartIdTag: null },
    ]);
    await publish('CP-P', 'ChargingProfilesCleared', { id: 1, connectorId: 2 });
    await projection.reached(lastSequence);
    expect((await installed('CP-P')).map(({ chargingProfileId }) => chargingProfileId)).toEqual([3, 6]);
    expect(await installed('CP-Q')).toEqual([{ chargingProfileId: 4, connectorId: 1, purpose: 'TxDefaultProfile', stackLevel: 0, transactionId: null, remoteStartIdTag: null }]);
  });

  it('keeps the certificates each wallbox reported it holds: a list replaces those of its type, an accepted install adds one, an accepted delete removes one', async () => {
    const hash = (serialNumber: string) => ({ hashAlgorithm: 'SHA256' as const, issuerNameHash: 'AB12', issuerKeyHash: 'cd34', serialNumber });
    await publish('CP-C', 'InstalledCertificatesReported', { certificateType: 'ManufacturerRootCertificate', status: 'Accepted', certificateHashData: [hash('01'), hash('02'), hash('0002')] });
    await publish('CP-C', 'CertificateInstallAnswered', { certificateType: 'CentralSystemRootCertificate', certificateHashData: hash('0a'), status: 'Accepted' });
    await publish('CP-C', 'CertificateInstallAnswered', { certificateType: 'CentralSystemRootCertificate', certificateHashData: hash('0b'), status: 'Rejected' });
    await publish('CP-C', 'CertificateDeleteAnswered', { certificateHashData: hash('1'), status: 'Accepted' });
    await publish('CP-C', 'CertificateDeleteAnswered', { certificateHashData: hash('2'), status: 'NotFound' });
    await projection.reached(lastSequence);
    const held = async () =>
      (await db.getRepository(InstalledCertificateRow).find({ where: { chargePointIdentity: 'CP-C' }, order: { serialNumber: 'ASC' } })).map(
        ({ certificateType, serialNumber, issuerNameHash }) => [certificateType, serialNumber, issuerNameHash],
      );
    expect(await held()).toEqual([
      ['ManufacturerRootCertificate', '2', 'ab12'],
      ['CentralSystemRootCertificate', 'a', 'ab12'],
    ]);
    await publish('CP-C', 'InstalledCertificatesReported', { certificateType: 'ManufacturerRootCertificate', status: 'NotFound', certificateHashData: [] });
    await projection.reached(lastSequence);
    expect(await held()).toEqual([['CentralSystemRootCertificate', 'a', 'ab12']]);
  });

  it('resumes right after its checkpoint: a restart delivers nothing it has applied', async () => {
    await projection.close();
    await publish('CP-F', 'HeartbeatReceived', {});
    projection = await startProjection(config);
    await projection.reached(lastSequence);
    const { delivered } = await (await nc.jetstreamManager()).consumers.info(subjects.eventsStream, 'state-projection');
    expect(delivered.consumer_seq).toBe(1);
  });

  it('refuses a rebuild while a projection runs on the same read models', async () => {
    await expect(rebuildProjection(config)).rejects.toThrow(/stop it/);
    await publish('CP-F', 'HeartbeatReceived', {});
    await projection.reached(lastSequence);
  });

  it('rebuilds the same rows from the log and publishes no transaction for billing again', async () => {
    await publish('CP-A', 'LocalTagSaved', { tag: { idTag: 'LOC1', firstName: 'L', lastName: 'T', email: 'l@t.org', info: '', expiresAt: null, blocked: false, parentIdTag: null } });
    await publish('CP-A', 'TagSaved', { tag: { idTag: 'CEN1', firstName: 'C', lastName: 'T', email: 'c@t.org', info: 'fleet', expiresAt: '2030-01-01T00:00:00.000Z', blocked: false, parentIdTag: null } });
    await publish('CP-A', 'FirmwareStatusReported', { status: 'Installing' });
    await publish('CP-A', 'DiagnosticsStatusReported', { status: 'Uploaded' });
    await publish('CP-A', 'ChargePointAdopted', { startMode: 'anyTag', relaxations: [], autoStartIdTag: null, passwordHash: null, description: null, acceptedDataTransferVendors: ['com.example'] });
    await publish('CP-A', 'DataTransferReceived', { vendorId: 'com.example', messageId: 'hello', data: 'world', status: 'Accepted' });
    await publish('CP-A', 'DataTransferReceived', { vendorId: 'org.other' });
    await projection.reached(lastSequence);
    const before = await tableContents(db);
    expect(before.reservations).toHaveLength(3);
    expect(before.installed_certificates).toHaveLength(1);
    expect(before.charge_points).toContainEqual(expect.objectContaining({ identity: 'CP-A', firmware_status: 'Installing', diagnostics_status: 'Uploaded' }));
    expect(before.data_transfers).toMatchObject([
      { vendor_id: 'com.example', message_id: 'hello', data: 'world', status: 'Accepted' },
      { vendor_id: 'org.other', message_id: null, data: null, status: 'UnknownVendorId' },
    ]);
    await projection.close();
    await rebuildProjection(config);
    expect(await tableContents(db)).toEqual(before);
    projection = await startProjection(config);
    await startTransaction('CP-G', 3, 0);
    await stopTransaction('CP-G', 3, 1000);
    await expect.poll(() => billed.map((message) => message.transactionId)).toEqual([1, 2, 3]);
  });

  it('writes a batch of meter values and a stop of another charge point, the stop first, and ends with a plain checkpoint', async () => {
    await projection.close();
    await startTransaction('CP-M', 4, 0);
    for (let wh = 100; wh <= 500; wh += 100) await publish('CP-L', 'MeterValuesReported', { connectorId: 1, meterValue: register(wh, `2025-06-01T10:0${wh / 100}:00.000Z`) });
    await stopTransaction('CP-M', 4, 2000);
    projection = await startProjection(config);
    await projection.reached(lastSequence);
    expect(await transaction(4)).toMatchObject({ consumption: 2000, stoppedAt: expect.any(Date) });
    expect(await connector('CP-L', 1)).toMatchObject({ meterValue: 0.5 });
    expect(await db.getRepository(MeterValueRow).countBy({ chargePointIdentity: 'CP-L' })).toBe(5);
    expect(await checkpoint()).toMatchObject({ sequence: lastSequence, appliedAbove: [] });
  });

  // Leaves the read models behind the log on purpose: the last test of the file.
  it('skips the events its checkpoint names as applied beyond its sequence (a restart between the two commits of a batch)', async () => {
    await projection.close();
    await publish('CP-J', 'MeterValuesReported', { connectorId: 1, meterValue: register(1000, '2025-06-01T10:00:00.000Z') });
    await publish('CP-K', 'ConnectorStatusChanged', { connectorId: 1, status: 'Charging', errorCode: 'NoError' });
    const committedAhead = lastSequence;
    await publish('CP-K', 'ConnectorStatusChanged', { connectorId: 2, status: 'Available', errorCode: 'NoError' });
    // Named as committed, though its row was never written: applying it now would show.
    await db.getRepository(ProjectionCheckpointRow).update({ projection: STATE_PROJECTION }, { appliedAbove: [committedAhead] });
    projection = await startProjection(config);
    await projection.reached(lastSequence);
    expect(await connector('CP-J', 1)).toMatchObject({ meterValue: 1 });
    expect(await connector('CP-K', 1)).toBeNull();
    expect(await connector('CP-K', 2)).toMatchObject({ status: 'Available' });
    expect(await checkpoint()).toMatchObject({ sequence: lastSequence, appliedAbove: [] });
  });
});
