import { describe, expect, it } from 'vitest';
import { createEvent, type EventOf, type EventType, type MeterValue, type VoltstreamEvent } from '@voltstream/contracts';
import { noRows, ProjectionBatch, SAMPLES_PER_EVENT } from './batch';
import { project, UnprojectableEventError } from './project';

const CP = 'CP.1*';
const T0 = Date.parse('2025-03-01T10:00:00Z');
let clock = 0;
/** The place in the event log of the next event applied. */
let sequence = 0;

function event<T extends EventType>(type: T, data: EventOf<T>['data'], chargePoint: string | null = CP): EventOf<T> {
  clock += 1000;
  return createEvent(type, data, chargePoint, new Date(T0 + clock));
}

function given(...events: VoltstreamEvent[]): ProjectionBatch {
  const batch = new ProjectionBatch();
  for (const each of events) batch.apply(each, ++sequence);
  return batch;
}

const settings = { startMode: 'anyTag' as const, relaxations: ['acceptNumericStrings' as const], autoStartIdTag: null, passwordHash: 'scrypt$secret-hash', description: 'Garage' };
const tag = { idTag: 'TAG1', firstName: 'Ada', lastName: 'L', email: 'ada@example.org', info: '', expiresAt: '2030-01-01T00:00:00.000Z', blocked: false, parentIdTag: null };
const started = (transactionId = 7, connectorId = 1, meterStart = 1000) =>
  event('TransactionStarted', {
    transactionId,
    connectorId,
    idTag: 'TAG1',
    meterStart,
    timestamp: '2025-03-01T10:00:00Z',
    authorizationStatus: 'Accepted',
    tagOwner: { firstName: 'Ada', lastName: 'L', email: 'ada@example.org' },
  });
const register = (value: string, unit?: string, timestamp = '2025-03-01T10:05:00Z'): MeterValue => ({ timestamp, sampledValue: [{ value, ...(unit ? { unit } : {}) }] });
const stopped = (transactionId = 7, meterStop = 4500, known = true, transactionData?: MeterValue[]) =>
  event('TransactionStopped', { transactionId, meterStop, timestamp: '2025-03-01T11:00:00Z', known, ...(transactionData ? { transactionData } : {}) });

describe('charge points', () => {
  it('discovers an unknown identity on its first event and marks it seen', () => {
    const heartbeat = event('HeartbeatReceived', {});
    expect(given(heartbeat).chargePoint(CP)).toMatchObject({ identity: CP, state: 'discovered', online: false, lastSeenAt: new Date(heartbeat.metadata.recordedAt) });
  });

  it('adopts with the operator settings but never the password hash', () => {
    const chargePoint = given(event('HeartbeatReceived', {}), event('ChargePointAdopted', settings)).chargePoint(CP);
    expect(chargePoint).toMatchObject({ state: 'adopted', startMode: 'anyTag', description: 'Garage', passwordSet: true, relaxations: ['acceptNumericStrings'] });
    expect(JSON.stringify(chargePoint)).not.toContain('secret-hash');
  });

  it('keeps the state when settings change', () => {
    const chargePoint = given(event('ChargePointAdopted', settings), event('ChargePointSettingsChanged', { ...settings, passwordHash: null })).chargePoint(CP);
    expect(chargePoint).toMatchObject({ state: 'adopted', passwordSet: false });
  });

  it('shows a password set by a rotation, never its hash', () => {
    const rotated = given(
      event('ChargePointAdopted', { ...settings, passwordHash: null }),
      event('PasswordChanged', { passwordHash: 'scrypt$rotated', previousPasswordHash: null }),
      event('PreviousPasswordRetired', {}),
    ).chargePoint(CP);
    expect(rotated).toMatchObject({ state: 'adopted', passwordSet: true });
    expect(JSON.stringify(rotated)).not.toContain('scrypt$rotated');
  });

  it('shows the security profile, 0 for settings stored before profiles', () => {
    expect(given(event('ChargePointAdopted', settings)).chargePoint(CP)).toMatchObject({ securityProfile: 0 });
    const raised = given(event('ChargePointAdopted', settings), event('ChargePointSettingsChanged', { ...settings, securityProfile: 2 })).chargePoint(CP);
    expect(raised).toMatchObject({ securityProfile: 2 });
  });

  it('forgets the charge point, its connectors and local tags; its next event discovers it again', () => {
    const batch = given(
      event('ChargePointAdopted', settings),
      event('ConnectorStatusChanged', { connectorId: 1, status: 'Available', errorCode: 'NoError' }),
      event('LocalTagSaved', { tag }),
      event('ChargePointForgotten', {}),
    );
    expect(batch.chargePoint(CP)).toBeUndefined();
    expect(batch.connector(CP, 1)).toBeUndefined();
    expect(batch.writes()).toMatchObject({ forgottenChargePoints: [CP], removedChargePoints: [CP], chargePoints: [], connectors: [], localTags: [] });
    batch.apply(event('HeartbeatReceived', {}), ++sequence);
    expect(batch.chargePoint(CP)).toMatchObject({ state: 'discovered', startMode: null, passwordSet: false });
    expect(batch.writes()).toMatchObject({ forgottenChargePoints: [CP], removedChargePoints: [] });
  });

  it('goes online with a connection and offline only when that connection closes', () => {
    const batch = given(event('ChargePointConnected', { connectionId: 'old', gatewayId: 'g1' }), event('ChargePointConnected', { connectionId: 'new', gatewayId: 'g2' }));
    batch.apply(event('ChargePointDisconnected', { connectionId: 'old', gatewayId: 'g1', reason: 'replaced' }), ++sequence);
    expect(batch.chargePoint(CP)).toMatchObject({ online: true, connectionId: 'new' });
    batch.apply(event('ChargePointDisconnected', { connectionId: 'new', gatewayId: 'g2', reason: 'closed' }), ++sequence);
    expect(batch.chargePoint(CP)).toMatchObject({ online: false, connectionId: null });
  });

  it('takes vendor, model, serial number and firmware from the boot', () => {
    const boot = { vendor: 'V', model: 'M', chargeBoxSerialNumber: 'box', firmwareVersion: '1.2', registrationStatus: 'Pending' as const };
    expect(given(event('ChargePointBooted', boot)).chargePoint(CP)).toMatchObject({ vendor: 'V', model: 'M', serialNumber: 'box', firmwareVersion: '1.2', registrationStatus: 'Pending' });
    expect(given(event('ChargePointBooted', { ...boot, chargePointSerialNumber: 'cp' })).chargePoint(CP)).toMatchObject({ serialNumber: 'cp' });
  });

  it('remembers the last id tag presented or started with', () => {
    expect(given(event('IdTagPresented', { idTag: 'A', authorizationStatus: 'Invalid' })).chargePoint(CP)?.lastIdTag).toBe('A');
    expect(given(started()).chargePoint(CP)?.lastIdTag).toBe('TAG1');
    const stoppedWithCard = event('TransactionStopped', { transactionId: 7, idTag: 'STOP', meterStop: 4500, timestamp: '2025-03-01T11:00:00Z', known: true });
    expect(given(started(), stoppedWithCard).chargePoint(CP)?.lastIdTag).toBe('STOP');
  });

  it('shows connector 0 as the status of the charge point', () => {
    const batch = given(event('ConnectorStatusChanged', { connectorId: 0, status: 'Faulted', errorCode: 'GroundFailure' }));
    expect(batch.chargePoint(CP)).toMatchObject({ status: 'Faulted', errorCode: 'GroundFailure' });
    expect(batch.writes().connectors).toEqual([]);
  });

  it('refuses a station event that names no charge point', () => {
    expect(() => project(event('HeartbeatReceived', {}, null), new ProjectionBatch())).toThrow(UnprojectableEventError);
  });
});

describe('connectors', () => {
  it('creates a connector when first reported, "" for NoError, unavailable when Unavailable', () => {
    const batch = given(event('ConnectorStatusChanged', { connectorId: 2, status: 'Available', errorCode: 'NoError' }));
    expect(batch.connector(CP, 2)).toMatchObject({ status: 'Available', errorCode: '', available: true, transaction: false });
    batch.apply(event('ConnectorStatusChanged', { connectorId: 2, status: 'Unavailable', errorCode: 'OtherError' }), ++sequence);
    expect(batch.connector(CP, 2)).toMatchObject({ status: 'Unavailable', errorCode: 'OtherError', available: false });
  });

  it('reads the energy register in kWh, the default measurand, from Wh or kWh', () => {
    const batch = given(event('MeterValuesReported', { connectorId: 1, meterValue: [register('12345')] }));
    expect(batch.connector(CP, 1)?.meterValue).toBe(12.345);
    batch.apply(event('MeterValuesReported', { connectorId: 1, meterValue: [register('13.5', 'kWh')] }), ++sequence);
    expect(batch.connector(CP, 1)?.meterValue).toBe(13.5);
  });

  it('ignores other measurands and per-phase registers for the reading', () => {
    const meterValue: MeterValue[] = [
      { timestamp: '2025-03-01T10:05:00Z', sampledValue: [{ value: '5000' }, { value: '16', measurand: 'Current.Import', unit: 'A' }, { value: '900', phase: 'L1' }] },
    ];
    expect(given(event('MeterValuesReported', { connectorId: 1, meterValue })).connector(CP, 1)?.meterValue).toBe(5);
  });
});

describe('transactions', () => {
  it('shows live consumption while charging and the final values after the stop', () => {
    const batch = given(started(7, 1, 1000), event('MeterValuesReported', { connectorId: 1, transactionId: 7, meterValue: [register('2500')] }));
    expect(batch.connector(CP, 1)).toMatchObject({ transaction: true, transactionId: 7, transactionMeterStart: 1000, transactionMeterEnd: null, transactionIdTag: 'TAG1', transactionConsumption: 1500, meterValue: 2.5 });
    expect(batch.transaction(7)).toMatchObject({ consumption: 1500, stoppedAt: null, known: true });
    batch.apply(stopped(7, 4500), ++sequence);
    expect(batch.connector(CP, 1)).toMatchObject({ transaction: false, transactionId: 7, transactionMeterEnd: 4500, transactionConsumption: 3500, meterValue: 4.5 });
    expect(batch.transaction(7)).toMatchObject({
      connectorId: 1,
      meterStart: 1000,
      meterEnd: 4500,
      consumption: 3500,
      startedAt: new Date('2025-03-01T10:00:00Z'),
      stoppedAt: new Date('2025-03-01T11:00:00Z'),
      stopReason: 'Local',
    });
  });

  it('bills a completed transaction with the fields of SPEC §5', () => {
    const { completedTransactions } = given(started(7, 1, 1000), stopped(7, 4500)).writes();
    expect(completedTransactions).toEqual([
      {
        transactionId: 7,
        chargePointIdentity: CP,
        connectorId: 1,
        idTag: 'TAG1',
        tagOwner: { firstName: 'Ada', lastName: 'L', email: 'ada@example.org' },
        authorizationStatus: 'Accepted',
        meterStart: 1000,
        meterEnd: 4500,
        consumption: 3500,
        startedAt: '2025-03-01T10:00:00.000Z',
        stoppedAt: '2025-03-01T11:00:00.000Z',
        stopReason: 'Local',
      },
    ]);
  });

  it('records a stop for an unknown transaction with known=false and does not bill it', () => {
    const batch = given(stopped(99, 800, false, [register('800', 'Wh', '2025-03-01T10:59:00Z')]));
    expect(batch.transaction(99)).toMatchObject({ known: false, connectorId: null, meterStart: null, meterEnd: 800, consumption: 0, stoppedAt: new Date('2025-03-01T11:00:00Z') });
    expect(batch.writes()).toMatchObject({ completedTransactions: [], meterValues: [{ connectorId: 0, transactionId: 99, value: 800 }] });
  });

  it('changes nothing about the transaction on a second stop', () => {
    const batch = given(started(), stopped(7, 4500));
    const first = { transaction: batch.transaction(7), connector: batch.connector(CP, 1) };
    const changes = project(stopped(7, 9999), batch);
    expect(changes.map((change) => change.type)).toEqual(['chargePointSaved']);
    expect({ transaction: batch.transaction(7), connector: batch.connector(CP, 1) }).toEqual(first);
  });

  it('does not reopen a finished transaction when its start is replayed after a reconnect', () => {
    const batch = given(started(), stopped(7, 4500));
    const finished = { transaction: batch.transaction(7), connector: batch.connector(CP, 1) };
    expect(project(started(), batch).map((change) => change.type)).toEqual(['chargePointSaved']);
    expect({ transaction: batch.transaction(7), connector: batch.connector(CP, 1) }).toEqual(finished);
  });

  it('keeps the transaction data and its samples, on the connector of the transaction', () => {
    const data = [register('3000', 'Wh', '2025-03-01T10:30:00Z')];
    const batch = given(started(), stopped(7, 4500, true, data));
    expect(batch.transaction(7)?.transactionData).toEqual(data);
    expect(batch.writes().meterValues).toMatchObject([{ connectorId: 1, transactionId: 7, value: 3000, measurand: 'Energy.Active.Import.Register' }]);
  });
});

describe('data transfers', () => {
  it('given a charge point, when it sends DataTransfers, then each is kept with its answer, numbered by its place in the log, an old one as answered UnknownVendorId', () => {
    const batch = given(event('DataTransferReceived', { vendorId: 'com.example', messageId: 'm1', data: 'd', status: 'Accepted' }));
    const first = sequence;
    batch.apply(event('DataTransferReceived', { vendorId: 'org.old' }), ++sequence);
    expect(batch.writes().dataTransfers).toEqual([
      { id: first, chargePointIdentity: CP, vendorId: 'com.example', messageId: 'm1', data: 'd', status: 'Accepted', receivedAt: expect.any(Date) },
      { id: sequence, chargePointIdentity: CP, vendorId: 'org.old', messageId: null, data: null, status: 'UnknownVendorId', receivedAt: expect.any(Date) },
    ]);
  });

  it('given a charge point, when it reports security events, then each is kept as it came, numbered by its place in the log, by the wallbox clock', () => {
    const batch = given(event('SecurityEventReported', { type: 'InvalidFirmwareSignature', timestamp: '2026-12-05T01:10:00+01:00', techInfo: 'fw 2.4.1' }));
    const first = sequence;
    batch.apply(event('SecurityEventReported', { type: 'ResetOrReboot', timestamp: '2026-12-05T00:11:00Z' }), ++sequence);
    expect(batch.writes().securityEvents).toEqual([
      { id: first, chargePointIdentity: CP, type: 'InvalidFirmwareSignature', occurredAt: new Date('2026-12-05T00:10:00Z'), techInfo: 'fw 2.4.1', receivedAt: expect.any(Date) },
      { id: sequence, chargePointIdentity: CP, type: 'ResetOrReboot', occurredAt: new Date('2026-12-05T00:11:00Z'), techInfo: null, receivedAt: expect.any(Date) },
    ]);
  });

  it('shows the vendor ids an operator lets a charge point send, none for settings recorded before they existed', () => {
    expect(given(event('ChargePointAdopted', settings)).chargePoint(CP)).toMatchObject({ acceptedDataTransferVendors: [] });
    const changed = given(event('ChargePointSettingsChanged', { ...settings, acceptedDataTransferVendors: ['com.example'] }));
    expect(changed.chargePoint(CP)).toMatchObject({ acceptedDataTransferVendors: ['com.example'] });
  });
});

describe('metering detail: the meter reading follows the start and the stop', () => {
  it('given a connector read at 0.5 kWh, when a transaction starts at 1000 Wh, then its reading is 1 kWh', () => {
    const batch = given(event('MeterValuesReported', { connectorId: 1, meterValue: [register('500', 'Wh')] }));
    batch.apply(started(7, 1, 1000), ++sequence);
    expect(batch.connector(CP, 1)).toMatchObject({ meterValue: 1, transactionMeterStart: 1000 });
  });

  it('given a connector never read, when a transaction starts at 2500 Wh and stops at 4500 Wh, then its reading is 2.5 kWh, then 4.5 kWh', () => {
    const batch = given(started(7, 1, 2500));
    expect(batch.connector(CP, 1)).toMatchObject({ meterValue: 2.5 });
    batch.apply(stopped(7, 4500), ++sequence);
    expect(batch.connector(CP, 1)).toMatchObject({ meterValue: 4.5, transactionMeterEnd: 4500 });
  });
});

describe('meter values', () => {
  it('keeps every sampled value with its fields, numbered by its place in the log, the running transaction when none is named', () => {
    const meterValue: MeterValue[] = [
      {
        timestamp: '2025-03-01T10:05:00Z',
        sampledValue: [
          { value: '2000', context: 'Sample.Periodic', unit: 'Wh' },
          { value: '230.1', measurand: 'Voltage', phase: 'L1-N', unit: 'V', location: 'Outlet', format: 'Raw' },
        ],
      },
    ];
    const reported = event('MeterValuesReported', { connectorId: 1, meterValue });
    const batch = new ProjectionBatch();
    batch.apply(started(), 41);
    batch.apply(reported, 42);
    const { meterValues } = batch.writes();
    const at = new Date('2025-03-01T10:05:00Z');
    expect(meterValues).toEqual([
      { id: 42 * SAMPLES_PER_EVENT, chargePointIdentity: CP, connectorId: 1, transactionId: 7, timestamp: at, receivedAt: new Date(reported.metadata.recordedAt), timestampPlausible: true, orderedAt: at, measurand: 'Energy.Active.Import.Register', value: 2000, unit: 'Wh', phase: null, context: 'Sample.Periodic', location: null, format: null },
      expect.objectContaining({ id: 42 * SAMPLES_PER_EVENT + 1, measurand: 'Voltage', value: 230.1, unit: 'V', phase: 'L1-N', location: 'Outlet', format: 'Raw' }),
    ]);
  });

  it('flags timestamps before 2010 or over a day ahead and orders them by the time received', () => {
    const old = event('MeterValuesReported', { connectorId: 1, meterValue: [register('1', 'Wh', '1970-01-01T00:00:10Z')] });
    const ahead = event('MeterValuesReported', { connectorId: 1, meterValue: [register('2', 'Wh', '2025-03-03T10:00:00Z')] });
    const { meterValues } = given(old, ahead).writes();
    expect(meterValues).toMatchObject([
      { timestamp: new Date('1970-01-01T00:00:10Z'), timestampPlausible: false, orderedAt: new Date(old.metadata.recordedAt) },
      { timestamp: new Date('2025-03-03T10:00:00Z'), timestampPlausible: false, orderedAt: new Date(ahead.metadata.recordedAt) },
    ]);
  });

  it('stores the same sample sent again once', () => {
    const again = () => event('MeterValuesReported', { connectorId: 1, transactionId: 7, meterValue: [register('2500')] });
    expect(given(started(), again(), again(), stopped(7, 4500, true, [register('2500')])).writes().meterValues).toHaveLength(1);
  });
});

describe('tags', () => {
  it('saves and removes central and local tags', () => {
    const batch = given(event('TagSaved', { tag }, null), event('TagSaved', { tag: { ...tag, idTag: 'GONE' } }, null), event('TagRemoved', { idTag: 'GONE' }, null));
    batch.apply(event('LocalTagSaved', { tag }), ++sequence);
    batch.apply(event('LocalTagSaved', { tag: { ...tag, idTag: 'X' } }), ++sequence);
    batch.apply(event('LocalTagRemoved', { idTag: 'X' }), ++sequence);
    expect(batch.writes()).toMatchObject({
      tags: [{ ...tag, expiresAt: new Date('2030-01-01T00:00:00Z') }],
      removedTags: ['GONE'],
      localTags: [{ chargePointIdentity: CP, idTag: 'TAG1', email: 'ada@example.org' }],
      removedLocalTags: [{ chargePointIdentity: CP, idTag: 'X' }],
    });
  });
});

describe('a batch over loaded rows', () => {
  it('leaves every loaded and changed row as the events left it, without the forgotten ones', () => {
    const loaded = given(event('ChargePointAdopted', settings), event('ConnectorStatusChanged', { connectorId: 1, status: 'Available', errorCode: 'NoError' }), started()).rows();
    const other = given(event('HeartbeatReceived', {}, 'CP-2')).rows();
    const batch = new ProjectionBatch({
      chargePoints: [...loaded.chargePoints, ...other.chargePoints],
      connectors: loaded.connectors,
      transactions: loaded.transactions,
      reservations: [],
      localListSyncs: [],
      chargingProfileHolders: [],
    });
    batch.apply(stopped(), ++sequence);
    batch.apply(event('ChargePointForgotten', {}, 'CP-2'), ++sequence);
    const rows = batch.rows();
    expect(rows.chargePoints).toMatchObject([{ identity: CP, state: 'adopted' }]);
    expect(rows.connectors).toMatchObject([{ chargePointIdentity: CP, connectorId: 1, transaction: false, transactionMeterEnd: 4500 }]);
    expect(rows.transactions).toMatchObject([{ transactionId: 7, meterEnd: 4500, stoppedAt: new Date('2025-03-01T11:00:00Z') }]);
  });
});

describe('charging profiles', () => {
  const txProfile = { chargingProfileId: 12, transactionId: 7, stackLevel: 1, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Relative', chargingSchedule: { chargingRateUnit: 'W' } };

  it('a profile accepted is installed on its connector, in the order of the log, with what it cleared and what ended', () => {
    const set = event('ChargingProfileSet', { connectorId: 1, chargingProfile: txProfile });
    const cleared = event('ChargingProfilesCleared', { chargingProfilePurpose: 'TxDefaultProfile' });
    const batch = given(set, cleared, started(), stopped());
    expect(batch.writes().chargingProfiles).toEqual([
      {
        type: 'chargingProfileInstalled',
        row: {
          chargePointIdentity: CP,
          chargingProfileId: 12,
          connectorId: 1,
          stackLevel: 1,
          purpose: 'TxProfile',
          transactionId: 7,
          remoteStartIdTag: null,
          profile: txProfile,
          installedAt: new Date(set.metadata.recordedAt),
        },
      },
      { type: 'chargingProfilesCleared', chargePointIdentity: CP, criteria: { chargingProfilePurpose: 'TxDefaultProfile' } },
      { type: 'remoteStartProfileBound', chargePointIdentity: CP, connectorId: 1, idTag: 'TAG1', transactionId: 7 },
      { type: 'transactionProfilesEnded', chargePointIdentity: CP, transactionId: 7 },
    ]);
  });

  it('a stop sent again or a start replayed changes no profile', () => {
    const batch = given(started(), stopped());
    expect(project(stopped(), batch).map((change) => change.type)).toEqual(['chargePointSaved']);
    expect(project(started(), batch).map((change) => change.type)).toEqual(['chargePointSaved']);
  });

  it('the profiles of a charge point forgotten in the batch are not written after its forgetting', () => {
    const batch = given(event('ChargingProfileSet', { connectorId: 1, chargingProfile: txProfile }), event('ChargePointForgotten', {}));
    expect(batch.writes().chargingProfiles).toEqual([]);
  });

  it('starts and stops of a charge point that holds no profile change none, so a replay writes no profile statement', () => {
    const batch = given(started(), stopped());
    expect(batch.writes().chargingProfiles).toEqual([]);
    expect(batch.rows().chargingProfileHolders).toEqual([]);
  });

  it('a charge point loaded as holding profiles has its starts and stops applied to them', () => {
    const batch = new ProjectionBatch({ ...noRows(), chargingProfileHolders: [CP] });
    batch.apply(started(), ++sequence);
    batch.apply(stopped(), ++sequence);
    expect(batch.writes().chargingProfiles.map((change) => change.type)).toEqual(['remoteStartProfileBound', 'transactionProfilesEnded']);
  });

  it('a charge point holds profiles from its first one accepted until it is forgotten', () => {
    const installed = given(event('ChargingProfileSet', { connectorId: 1, chargingProfile: txProfile }));
    expect(installed.rows().chargingProfileHolders).toEqual([CP]);
    const later = new ProjectionBatch(installed.rows());
    later.apply(event('ChargePointForgotten', {}), ++sequence);
    expect(later.rows().chargingProfileHolders).toEqual([]);
  });
});
