import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractViolations } from './contract';
import { createEvent, InvalidEventError, parseEvent, parseStoredEvent, type EventOf, type EventType } from './events';
import { INT32_MAX } from './schema';

const tag = { idTag: 'CARD-1', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', info: '', expiresAt: null, blocked: false, parentIdTag: null };
const settings = { startMode: 'anyTag', relaxations: ['acceptNumericStrings'], autoStartIdTag: null, passwordHash: null, description: 'yard' } as const;
const meterValue = { timestamp: '2026-03-01T10:00:00.000Z', sampledValue: [{ value: '12.5', measurand: 'Energy.Active.Import.Register', unit: 'kWh' }] };

/** One valid sample of every event type: a new type does not compile until it has one. */
const SAMPLES: { [T in EventType]: EventOf<T>['data'] } = {
  ChargePointAdopted: { ...settings, relaxations: [...settings.relaxations] },
  ChargePointSettingsChanged: { ...settings, relaxations: [], acceptedDataTransferVendors: ['com.example'] },
  ChargePointForgotten: {},
  LocalTagSaved: { tag },
  LocalTagRemoved: { idTag: 'CARD-1' },
  TagSaved: { tag: { ...tag, expiresAt: '2027-01-01T00:00:00.000Z', parentIdTag: 'FLEET' } },
  TagRemoved: { idTag: 'CARD-1' },
  ChargePointConnected: { connectionId: 'c-1', gatewayId: 'gw-1' },
  ChargePointDisconnected: { connectionId: 'c-1', gatewayId: 'gw-1', reason: 'closed 1000' },
  ChargePointBooted: { vendor: 'Voltstream', model: 'Sim', firmwareVersion: '1.0', registrationStatus: 'Accepted' },
  HeartbeatReceived: {},
  ConnectorStatusChanged: { connectorId: 0, status: 'Available', errorCode: 'NoError', timestamp: '2026-03-01T10:00:00.000Z' },
  IdTagPresented: { idTag: 'CARD-1', authorizationStatus: 'Accepted', parentIdTag: 'FLEET' },
  TransactionStarted: {
    transactionId: 7,
    connectorId: 1,
    idTag: 'CARD-1',
    meterStart: 1000,
    timestamp: '2026-03-01T10:00:00.000Z',
    authorizationStatus: 'Accepted',
    tagOwner: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
  },
  PasswordChanged: { passwordHash: 'scrypt$new', previousPasswordHash: 'scrypt$old' },
  PreviousPasswordRetired: {},
  PasswordRotationStarted: { pendingPasswordHash: 'scrypt$16384$8$1$c2FsdA==$aGFzaA==' },
  PasswordRotationAbandoned: {},
  PendingPasswordUsed: { passwordHash: 'scrypt$16384$8$1$c2FsdA==$aGFzaA==' },
  ConnectionRefused: { status: 403, reason: 'profile 3 needs a client certificate' },
  TransactionStopped: { transactionId: 7, meterStop: 2000, timestamp: '2026-03-01T11:00:00.000Z', known: true, transactionData: [meterValue] },
  MeterValuesReported: { connectorId: 1, transactionId: 7, meterValue: [meterValue] },
  DataTransferReceived: { vendorId: 'Voltstream', messageId: 'hello', data: 'world', status: 'Accepted' },
  SecurityEventReported: { type: 'InvalidFirmwareSignature', timestamp: '2026-12-05T00:10:00.000Z', techInfo: 'fw 2.4.1' },
  DiagnosticsStatusReported: { status: 'Uploaded' },
  FirmwareStatusReported: { status: 'Installed' },
  CallRefused: { action: 'StatusNotification', errorCode: 'PropertyConstraintViolation', reason: 'connectorId: must not be negative' },
  ReservationRequested: { reservationId: 3, connectorId: 0, idTag: 'CARD-1', parentIdTag: 'FLEET', expiresAt: '2026-03-01T13:00:00.000Z' },
  ReservationAccepted: { reservationId: 3 },
  ReservationRejected: { reservationId: 3, status: 'Occupied', reason: 'the charge point answered Occupied' },
  ReservationCancelled: { reservationId: 3 },
  ReservationExpired: { reservationId: 3 },
  LocalListChanged: { version: 3, digest: 'a1b2', size: 2 },
  LocalListSent: {
    version: 3,
    updateType: 'Differential',
    entries: [{ idTag: 'CARD-1', idTagInfo: { status: 'Expired', expiryDate: '2026-03-01T10:00:00.000Z' } }, { idTag: 'CARD-2' }],
    complete: true,
    status: 'Accepted',
  },
  LocalListVersionReported: { listVersion: -1 },
  LocalListMaxLengthRead: { maxLength: null },
  DiagnosticsFileUploaded: { name: 'diagnostics-CP-1.log', size: 2048, sha256: 'n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg' },
  ChargingProfileSet: {
    connectorId: 1,
    chargingProfile: {
      chargingProfileId: 12,
      transactionId: 7,
      stackLevel: 1,
      chargingProfilePurpose: 'TxProfile',
      chargingProfileKind: 'Relative',
      chargingSchedule: { chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 3700 }] },
    },
  },
  ChargingProfilesCleared: { connectorId: 1, chargingProfilePurpose: 'TxDefaultProfile' },
  LogStatusReported: { status: 'Uploaded', requestId: 7 },
  SignedFirmwareStatusReported: { status: 'SignatureVerified', requestId: 3 },
  CertificateSigningRequested: { requestId: 'CP-1:17:Xq3v9b2LkQ0aZt1m', csr: '-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n' },
  ChargePointCertificateIssued: { requestId: 'CP-1:17:Xq3v9b2LkQ0aZt1m', certificateChain: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', signer: 'csms' },
  CertificateSigningRefused: { requestId: 'CP-1:17:Xq3v9b2LkQ0aZt1m', reason: 'the subject CN must be the identity "CP-1"' },
  ChargePointCertificateSent: { requestId: 'CP-1:17:Xq3v9b2LkQ0aZt1m', status: null, reason: 'offline' },
  CertificateInstallAnswered: { certificateType: 'ManufacturerRootCertificate', certificateHashData: null, status: 'Rejected' },
  InstalledCertificatesReported: {
    certificateType: 'CentralSystemRootCertificate',
    status: 'Accepted',
    certificateHashData: [{ hashAlgorithm: 'SHA256', issuerNameHash: 'a1', issuerKeyHash: 'b2', serialNumber: '1f' }],
  },
  CertificateDeleteAnswered: { certificateHashData: { hashAlgorithm: 'SHA512', issuerNameHash: 'a1', issuerKeyHash: 'b2', serialNumber: '1f' }, status: 'NotFound' },
};

const at = new Date('2026-03-01T12:00:00.000Z');
const samples = Object.entries(SAMPLES).map(([type, data]) => createEvent(type as EventType, data as never, 'CP-1', at));
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** Whatever parseEvent makes of `raw`: the event, or the InvalidEventError; any other throw fails the test. */
function outcome(parse: () => unknown): unknown {
  try {
    return parse();
  } catch (error) {
    if (error instanceof InvalidEventError) return error;
    throw error;
  }
}

function nestedArrays(depth: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

describe('event contracts', () => {
  it.each(samples.map((event) => [event.type, event] as const))('passes a valid %s, data and envelope', (_type, event) => {
    expect(parseEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
    expect(parseStoredEvent(encode(event))).toEqual(event);
  });

  it.each([
    ['ConnectorStatusChanged', { connectorId: -1, status: 'Available', errorCode: 'NoError' }, 'ConnectorStatusChanged data.connectorId must be an integer from 0 to 2147483647'],
    ['ConnectorStatusChanged', { connectorId: 2 ** 31, status: 'Available', errorCode: 'NoError' }, 'ConnectorStatusChanged data.connectorId must be an integer from 0 to 2147483647'],
    ['TransactionStarted', { ...SAMPLES.TransactionStarted, meterStart: 2 ** 31 }, 'TransactionStarted data.meterStart must be an integer from -2147483648 to 2147483647'],
    ['TransactionStopped', { ...SAMPLES.TransactionStopped, transactionId: 2 ** 31 }, 'TransactionStopped data.transactionId must be an integer from -2147483648 to 2147483647'],
    ['TransactionStopped', { ...SAMPLES.TransactionStopped, known: undefined }, 'TransactionStopped data.known is missing'],
    ['MeterValuesReported', { connectorId: 1, meterValue: [meterValue, { timestamp: 't', sampledValue: [{ value: 3 }] }] }, 'MeterValuesReported data.meterValue[1].sampledValue[0].value must be a string'],
    ['ChargePointAdopted', { ...settings, relaxations: ['everything'] }, 'ChargePointAdopted data.relaxations[0] must be one of "truncateOverlongStrings", "ignoreUnknownProperties", "acceptNumericStrings"'],
    ['HeartbeatReceived', { extra: 1 }, 'HeartbeatReceived data.extra is not expected'],
    ['ReservationRequested', { ...SAMPLES.ReservationRequested, idTag: 'X'.repeat(21) }, 'ReservationRequested data.idTag must be at most 20 characters'],
  ] as const)('refuses a %s whose data breaks its contract, naming the field', (type, data, reason) => {
    expect(() => parseEvent({ type, version: 1, data, metadata: { chargePoint: 'CP-1', recordedAt: at.toISOString() } })).toThrow(
      new InvalidEventError(reason),
    );
  });

  it.each([
    [null, 'not an object'],
    [[], 'not an object'],
    [{ type: 'TransactionTeleported', version: 1, data: {}, metadata: {} }, 'unknown type "TransactionTeleported"'],
    [{ type: 'toString', version: 1, data: {}, metadata: {} }, 'unknown type "toString"'],
    [{ ...samples[0], version: 2 }, 'ChargePointAdopted version must be one of 1'],
    [{ ...samples[0], metadata: { chargePoint: 7, recordedAt: at.toISOString() } }, 'ChargePointAdopted metadata.chargePoint must be a string'],
    [{ ...samples[0], metadata: undefined }, 'ChargePointAdopted metadata is missing'],
  ])('refuses a malformed envelope %j with a clear reason', (raw, reason) => {
    expect(() => parseEvent(raw)).toThrow(new InvalidEventError(reason));
  });

  it('refuses an event that is not JSON, and counts every refusal', () => {
    const before = contractViolations.of('event');
    expect(() => parseStoredEvent(new TextEncoder().encode('{"type":'))).toThrow(new InvalidEventError('not JSON'));
    expect(() => parseEvent({})).toThrow(InvalidEventError);
    expect(contractViolations.of('event')).toBe(before + 2);
  });

  it('answers any generated value with an event or an InvalidEventError, never another error', () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.anything({ withNullPrototype: true, withObjectString: true }), (event, data) => {
        outcome(() => parseEvent({ ...event, data }));
        outcome(() => parseEvent(data));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a sample with any one field replaced by a value of another kind, naming that field', () => {
    const fieldOf = (event: (typeof samples)[number]) => fc.constantFrom(...Object.keys(event.data));
    const wrong = fc.constantFrom<unknown>({ nested: true }, [1], 2 ** 40, Number.NaN);
    const cases = fc.constantFrom(...samples.filter((event) => Object.keys(event.data).length > 0)).chain((event) => fc.tuple(fc.constant(event), fieldOf(event), wrong));
    fc.assert(
      fc.property(cases, ([event, field, value]) => {
        const result = outcome(() => parseEvent({ ...event, data: { ...event.data, [field]: value } }));
        expect(result).toBeInstanceOf(InvalidEventError);
        expect((result as InvalidEventError).reason).toContain(`${event.type} data.${field}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('does not walk deep input: 100,000 levels of nesting are refused or left unentered, without a stack overflow', () => {
    const deep = nestedArrays(100_000);
    expect(() => parseEvent({ ...samples[0], data: { ...SAMPLES.ChargePointAdopted, relaxations: deep } })).toThrow(
      new InvalidEventError('ChargePointAdopted data.relaxations[0] must be one of "truncateOverlongStrings", "ignoreUnknownProperties", "acceptNumericStrings"'),
    );
    expect(() => parseEvent(deep)).toThrow(new InvalidEventError('not an object'));
    const deepText = `{"type":"HeartbeatReceived","version":1,"data":{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}},"metadata":{"chargePoint":null,"recordedAt":"t"}}`;
    expect(outcome(() => parseStoredEvent(new TextEncoder().encode(deepText)))).toBeInstanceOf(InvalidEventError);
  });

  it('keeps the type\'s upper bound: INT32_MAX is a valid connector id', () => {
    expect(parseEvent({ ...samples[11], data: { ...SAMPLES.ConnectorStatusChanged, connectorId: INT32_MAX } }).type).toBe('ConnectorStatusChanged');
  });
});
