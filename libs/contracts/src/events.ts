import type {
  AuthorizationStatus,
  BootInfo,
  ChargePointSettings,
  LocalListEntry,
  LocalListUpdateType,
  ChargingProfileCriteria,
  ChargingProfileRecord,
  DataTransferAnswer,
  MeterValue,
  RegistrationStatus,
  TagEntry,
  TagOwner,
} from './charging';
import type { CertificateHashData, CertificateSigner, CertificateType } from './certificates';
import { contractViolations, ContractError } from './contract';
import { EVENT_SCHEMAS } from './event-data';
import { describeMisfit } from './schema';
import type { EventCategory } from './subjects';

/**
 * The events of Voltstream: the public language of the system and the content of the event log.
 * Plain data, past tense, versioned. Never change a stored version: add a V2 and upcast on read.
 */
export interface EventMetadata {
  /** The charge point the event is about; null for central tag list events. */
  chargePoint: string | null;
  /** When the CSMS recorded it (its own clock, ISO 8601). */
  recordedAt: string;
}

interface Event<Type extends string, Data> {
  type: Type;
  version: 1;
  data: Data;
  metadata: EventMetadata;
}

// Registry: what operators decide about a charge point.
export type ChargePointAdopted = Event<'ChargePointAdopted', ChargePointSettings>;
export type ChargePointSettingsChanged = Event<'ChargePointSettingsChanged', ChargePointSettings>;
export type ChargePointForgotten = Event<'ChargePointForgotten', Record<string, never>>;
/**
 * The wallbox accepted a new password (ChangeConfiguration AuthorizationKey, TC_073): its hash is
 * now the charge point's. Until the wallbox connects with it, the previous one still opens its
 * handshake (it may reconnect before it switched).
 */
export type PasswordChanged = Event<'PasswordChanged', { passwordHash: string; previousPasswordHash: string | null }>;
/** The wallbox connected with its new password: the previous one no longer opens its handshake. */
export type PreviousPasswordRetired = Event<'PreviousPasswordRetired', Record<string, never>>;
/**
 * A password rotation began: recorded before ChangeConfiguration AuthorizationKey is sent, so that
 * a wallbox reconnecting with the new password before PasswordChanged reaches the gateway is let
 * in. The pending password opens the handshake until PasswordChanged or PasswordRotationAbandoned.
 */
export type PasswordRotationStarted = Event<'PasswordRotationStarted', { pendingPasswordHash: string }>;
/** The wallbox answered that it did not take the new password (Rejected, NotSupported, offline): it no longer opens the handshake. */
export type PasswordRotationAbandoned = Event<'PasswordRotationAbandoned', Record<string, never>>;
/**
 * The wallbox connected with the password of a rotation (`passwordHash`), maybe before
 * PasswordChanged was recorded: once it is, the password before the rotation is retired.
 */
export type PendingPasswordUsed = Event<'PendingPasswordUsed', { passwordHash: string }>;
export type LocalTagSaved = Event<'LocalTagSaved', { tag: TagEntry }>;
export type LocalTagRemoved = Event<'LocalTagRemoved', { idTag: string }>;

// Tags: the central tag list.
export type TagSaved = Event<'TagSaved', { tag: TagEntry }>;
export type TagRemoved = Event<'TagRemoved', { idTag: string }>;

// Station: what a charge point did or reported.
export type ChargePointConnected = Event<'ChargePointConnected', { connectionId: string; gatewayId: string }>;
export type ChargePointDisconnected = Event<
  'ChargePointDisconnected',
  { connectionId: string; gatewayId: string; reason: string }
>;
export type ChargePointBooted = Event<'ChargePointBooted', BootInfo & { registrationStatus: RegistrationStatus }>;
export type HeartbeatReceived = Event<'HeartbeatReceived', Record<string, never>>;
export type ConnectorStatusChanged = Event<
  'ConnectorStatusChanged',
  {
    connectorId: number;
    status: string;
    errorCode: string;
    info?: string;
    vendorId?: string;
    vendorErrorCode?: string;
    /** The wallbox's own timestamp, when it sent one. */
    timestamp?: string;
  }
>;
export type IdTagPresented = Event<
  'IdTagPresented',
  { idTag: string; authorizationStatus: AuthorizationStatus; expiryDate?: string; parentIdTag?: string }
>;
export type TransactionStarted = Event<
  'TransactionStarted',
  {
    transactionId: number;
    connectorId: number;
    idTag: string;
    meterStart: number;
    timestamp: string;
    reservationId?: number;
    authorizationStatus: AuthorizationStatus;
    tagOwner: TagOwner | null;
  }
>;
export type TransactionStopped = Event<
  'TransactionStopped',
  {
    transactionId: number;
    idTag?: string;
    meterStop: number;
    timestamp: string;
    reason?: string;
    transactionData?: MeterValue[];
    /** false when the CSMS had no record of the transaction: kept for an operator to see. */
    known: boolean;
  }
>;
export type MeterValuesReported = Event<
  'MeterValuesReported',
  { connectorId: number; transactionId?: number; meterValue: MeterValue[] }
>;
/** `status`: what the gateway answered; absent from the events recorded before it was kept (then UnknownVendorId). */
export type DataTransferReceived = Event<
  'DataTransferReceived',
  { vendorId: string; messageId?: string; data?: string; status?: DataTransferAnswer }
>;
/** SecurityEventNotification (security whitepaper): `timestamp` is the wallbox's clock, `type` as it sent it. */
export type SecurityEventReported = Event<'SecurityEventReported', { type: string; timestamp: string; techInfo?: string }>;
export type DiagnosticsStatusReported = Event<'DiagnosticsStatusReported', { status: string }>;
export type FirmwareStatusReported = Event<'FirmwareStatusReported', { status: string }>;
/**
 * A wallbox uploaded a diagnostics file to the CSMS's upload URL; its bytes are in the object
 * store of diagnostics files under the charge point and `name`.
 */
export type DiagnosticsFileUploaded = Event<'DiagnosticsFileUploaded', { name: string; size: number; sha256: string }>;
/**
 * A schema-valid call the gateway refused because a value was beyond what OCPP or the read models
 * allow (connectorId -1, meterStart 2^31, …): answered with the CALLERROR `errorCode` (a
 * StopTransaction is confirmed all the same, OCPP 1.6 §4.10) and recorded instead of the fact it
 * claimed, for an operator to see. Bounded: the gateway's own reason, never the payload.
 */
export type CallRefused = Event<'CallRefused', { action: string; errorCode: string; reason: string }>;
/**
 * A handshake of an adopted charge point refused for less security than its profile (SPEC §10):
 * `ws://` for profile 2 or 3, no or a wrong client certificate for 3. The wallbox only got a plain
 * 401 or 403; the reason is the operator's. Never credentials or certificate contents.
 */
export type ConnectionRefused = Event<'ConnectionRefused', { status: number; reason: string }>;
/** LogStatusNotification (security whitepaper): the upload of the log GetLog `requestId` asked for. */
export type LogStatusReported = Event<'LogStatusReported', { status: string; requestId?: number }>;
/** SignedFirmwareStatusNotification (security whitepaper): the progress of SignedUpdateFirmware `requestId`. */
export type SignedFirmwareStatusReported = Event<'SignedFirmwareStatusReported', { status: string; requestId?: number }>;

// Reservations (OCPP 1.6 Reservation profile): one reservation's lifecycle, on its charge point's
// subjects. Being used is no event of its own: the TransactionStarted that names it marks it used.
/** An operator asked for a reservation; recorded before ReserveNow is sent. Id handed out by the CSMS. */
export type ReservationRequested = Event<
  'ReservationRequested',
  { reservationId: number; connectorId: number; idTag: string; parentIdTag?: string; expiresAt: string }
>;
/** The charge point answered ReserveNow `Accepted`. */
export type ReservationAccepted = Event<'ReservationAccepted', { reservationId: number }>;
/**
 * The reservation will not be held: `status` is the charge point's answer to ReserveNow (Faulted,
 * Occupied, Rejected, Unavailable), null when it never got the request (offline, CALLERROR); `reason` says which.
 */
export type ReservationRejected = Event<'ReservationRejected', { reservationId: number; status: string | null; reason: string }>;
/** The charge point answered CancelReservation `Accepted`. */
export type ReservationCancelled = Event<'ReservationCancelled', { reservationId: number }>;
/** Its expiry passed without a transaction naming it: noticed by the CSMS's clock (the API's expiry check). */
export type ReservationExpired = Event<'ReservationExpired', { reservationId: number }>;
// Local list: the local authorization list of one charge point, kept in sync by the CSMS (one aggregate per charge point).
/** The list the charge point should hold changed (start mode, tags, an expiry): `version` is the version wanted. */
export type LocalListChanged = Event<'LocalListChanged', { version: number; digest: string; size: number }>;
/** One SendLocalList (a chunk of at most SendLocalListMaxLength entries) and the wallbox's answer, `status`. */
export type LocalListSent = Event<
  'LocalListSent',
  { version: number; updateType: LocalListUpdateType; entries: LocalListEntry[]; complete: boolean; status: string }
>;
/** The wallbox's answer to GetLocalListVersion: 0 for an empty list, -1 when it has no local list. */
export type LocalListVersionReported = Event<'LocalListVersionReported', { listVersion: number }>;
/** SendLocalListMaxLength read with GetConfiguration; null when the wallbox does not know the key. */
export type LocalListMaxLengthRead = Event<'LocalListMaxLengthRead', { maxLength: number | null }>;

/**
 * A wallbox accepted a charging profile on a connector (0: the charge point as a whole): recorded
 * by the gateway once the wallbox answered SetChargingProfile Accepted, or RemoteStartTransaction
 * Accepted with a `chargingProfile` — then `remoteStartIdTag` is the remote start's tag, and the
 * profile (connector 0 when the start named none) is for the transaction that start begins.
 */
export type ChargingProfileSet = Event<'ChargingProfileSet', { connectorId: number; chargingProfile: ChargingProfileRecord; remoteStartIdTag?: string }>;
/** A wallbox answered ClearChargingProfile Accepted: it removed the profiles matching the criteria. */
export type ChargingProfilesCleared = Event<'ChargingProfilesCleared', ChargingProfileCriteria>;

// Certificates (security whitepaper). A charge point's signing requests and what became of them go to
// one subject per charge point (`…<identity>.certificate-signing`): the signer appends with an
// expected last sequence, so a request is signed and answered once however often it is delivered.
/**
 * SignCertificate: the CSR (PEM) a wallbox sent, stored before the wallbox hears Accepted.
 * `requestId` names the request: the JetStream message id of the call (one per CALL, the same for a call sent again).
 */
export type CertificateSigningRequested = Event<'CertificateSigningRequested', { requestId: string; csr: string }>;
/** The request `requestId` was signed: `certificateChain` (PEM, the new certificate first) is what CertificateSigned carries. */
export type ChargePointCertificateIssued = Event<'ChargePointCertificateIssued', { requestId: string; certificateChain: string; signer: CertificateSigner }>;
/** The request `requestId` is not signed: `reason` (no valid CSR, a CN that is not the identity, the external CA's refusal). */
export type CertificateSigningRefused = Event<'CertificateSigningRefused', { requestId: string; reason: string }>;
/** CertificateSigned for the request `requestId` was sent: the wallbox's `status`; null when it gave none (`reason`: offline, timeout, CALLERROR). */
export type ChargePointCertificateSent = Event<'ChargePointCertificateSent', { requestId: string; status: string | null; reason?: string }>;
/** An operator's InstallCertificate and the wallbox's answer; `certificateHashData` of the certificate sent (SHA256), null if it did not parse. */
export type CertificateInstallAnswered = Event<
  'CertificateInstallAnswered',
  { certificateType: CertificateType; certificateHashData: CertificateHashData | null; status: string }
>;
/** An operator's GetInstalledCertificateIds and the wallbox's answer: every certificate of that type it holds (none when NotFound). */
export type InstalledCertificatesReported = Event<
  'InstalledCertificatesReported',
  { certificateType: CertificateType; status: string; certificateHashData: CertificateHashData[] }
>;
/** An operator's DeleteCertificate and the wallbox's answer. */
export type CertificateDeleteAnswered = Event<'CertificateDeleteAnswered', { certificateHashData: CertificateHashData; status: string }>;

export type RegistryEvent =
  | ChargePointAdopted
  | ChargePointSettingsChanged
  | ChargePointForgotten
  | PasswordChanged
  | PreviousPasswordRetired
  | PasswordRotationStarted
  | PasswordRotationAbandoned
  | PendingPasswordUsed
  | LocalTagSaved
  | LocalTagRemoved;
export type TagListEvent = TagSaved | TagRemoved;
export type StationEvent =
  | ChargePointConnected
  | ChargePointDisconnected
  | ChargePointBooted
  | HeartbeatReceived
  | ConnectorStatusChanged
  | IdTagPresented
  | TransactionStarted
  | TransactionStopped
  | MeterValuesReported
  | DataTransferReceived
  | SecurityEventReported
  | DiagnosticsStatusReported
  | FirmwareStatusReported
  | CallRefused
  | ConnectionRefused
  | DiagnosticsFileUploaded
  | ChargingProfileSet
  | ChargingProfilesCleared
  | LogStatusReported
  | SignedFirmwareStatusReported;
export type ReservationEvent = ReservationRequested | ReservationAccepted | ReservationRejected | ReservationCancelled | ReservationExpired;
export type LocalListEvent = LocalListChanged | LocalListSent | LocalListVersionReported | LocalListMaxLengthRead;

export type CertificateSigningEvent = CertificateSigningRequested | ChargePointCertificateIssued | CertificateSigningRefused | ChargePointCertificateSent;
export type CertificateEvent = CertificateSigningEvent | CertificateInstallAnswered | InstalledCertificatesReported | CertificateDeleteAnswered;

export type VoltstreamEvent = RegistryEvent | TagListEvent | StationEvent | ReservationEvent | LocalListEvent | CertificateEvent;
export type EventType = VoltstreamEvent['type'];
export type EventOf<T extends EventType> = Extract<VoltstreamEvent, { type: T }>;

export const EVENT_CATEGORIES: Record<EventType, EventCategory> = {
  ChargePointAdopted: 'registry',
  ChargePointSettingsChanged: 'registry',
  ChargePointForgotten: 'registry',
  PasswordChanged: 'registry',
  PreviousPasswordRetired: 'registry',
  PasswordRotationStarted: 'registry',
  PasswordRotationAbandoned: 'registry',
  PendingPasswordUsed: 'registry',
  LocalTagSaved: 'registry',
  LocalTagRemoved: 'registry',
  TagSaved: 'tags',
  TagRemoved: 'tags',
  ChargePointConnected: 'station',
  ChargePointDisconnected: 'station',
  ChargePointBooted: 'station',
  HeartbeatReceived: 'station',
  ConnectorStatusChanged: 'station',
  IdTagPresented: 'station',
  TransactionStarted: 'station',
  TransactionStopped: 'station',
  MeterValuesReported: 'station',
  DataTransferReceived: 'station',
  SecurityEventReported: 'station',
  DiagnosticsStatusReported: 'station',
  FirmwareStatusReported: 'station',
  CallRefused: 'station',
  ReservationRequested: 'station',
  ReservationAccepted: 'station',
  ReservationRejected: 'station',
  ReservationCancelled: 'station',
  ReservationExpired: 'station',
  LocalListChanged: 'station',
  LocalListSent: 'station',
  LocalListVersionReported: 'station',
  LocalListMaxLengthRead: 'station',
  ConnectionRefused: 'station',
  DiagnosticsFileUploaded: 'station',
  ChargingProfileSet: 'station',
  ChargingProfilesCleared: 'station',
  LogStatusReported: 'station',
  SignedFirmwareStatusReported: 'station',
  CertificateSigningRequested: 'station',
  ChargePointCertificateIssued: 'station',
  CertificateSigningRefused: 'station',
  ChargePointCertificateSent: 'station',
  CertificateInstallAnswered: 'station',
  InstalledCertificatesReported: 'station',
  CertificateDeleteAnswered: 'station',
};

/** Builds an event; `recordedAt` is an input so that callers (and tests) own the clock. */
export function createEvent<T extends EventType>(
  type: T,
  data: EventOf<T>['data'],
  chargePoint: string | null,
  recordedAt: Date,
): EventOf<T> {
  return { type, version: 1, data, metadata: { chargePoint, recordedAt: recordedAt.toISOString() } } as EventOf<T>;
}

export class InvalidEventError extends ContractError {
  constructor(reason: string) {
    super('event', reason);
    this.name = 'InvalidEventError';
  }
}

function refuse(reason: string): never {
  contractViolations.count('event');
  throw new InvalidEventError(reason);
}

/**
 * Validates an event read from the log, envelope and data (EVENT_DATA), and upcasts old versions.
 * Throws an {@link InvalidEventError} that names the misfit; each one is counted (contractViolations).
 */
export function parseEvent(raw: unknown): VoltstreamEvent {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) refuse('not an object');
  const type: unknown = (raw as { type?: unknown }).type;
  const schema = typeof type === 'string' ? EVENT_SCHEMAS.get(type) : undefined;
  if (schema === undefined) refuse(`unknown type ${JSON.stringify(type)}`);
  const misfit = schema.check(raw);
  if (misfit) refuse(`${type as string} ${describeMisfit(misfit)}`);
  return raw as VoltstreamEvent;
}

const utf8 = new TextDecoder();

/** An event as stored in the log (its JSON), parsed as by {@link parseEvent}. */
export function parseStoredEvent(data: Uint8Array): VoltstreamEvent {
  let raw: unknown;
  try {
    raw = JSON.parse(utf8.decode(data));
  } catch {
    refuse('not JSON');
  }
  return parseEvent(raw);
}
