import {
  authorizationStatus,
  BOOT_INFO_OPTIONAL_FIELDS,
  chargingProfileCriteria,
  chargingProfileRecord,
  chargePointSettings,
  connectorId,
  ID_TAG_MAX,
  localListEntry,
  localListUpdateType,
  meterValue,
  registrationStatus,
  tagEntry,
  tagOwner,
  timestamp,
} from './charging-data';
import { DATA_TRANSFER_ANSWERS } from './charging';
import { CERTIFICATE_SIGNERS, certificateHashData, certificateHashDataList, certificateType, nullableCertificateHashData } from './certificates';
import type { EventOf, EventType, VoltstreamEvent } from './events';
import { array, boolean, empty, integer, nullable, object, oneOf, string, type AnySchema, type Schema } from './schema';

/** OCPP 1.6 ReservationStatus values are at most 11 characters; the read model holds 16. */
const RESERVATION_ANSWER_MAX = 16;

/**
 * The schema of the `data` of every event type, checked by parseEvent on every read of the log.
 * The mapped type makes it exhaustive: a new event type does not compile until its schema is here,
 * and a schema that drifts from the declared event does not compile either.
 * Integers are 32-bit (what OCPP allows and the read models hold); connector ids are never negative.
 * Text is only checked to be text: what the gateway accepted from a wallbox is stored as it came.
 */
export const EVENT_DATA: { [T in EventType]: Schema<EventOf<T>['data']> } = {
  ChargePointAdopted: chargePointSettings,
  ChargePointSettingsChanged: chargePointSettings,
  ChargePointForgotten: empty(),
  PasswordChanged: object({ passwordHash: string({ min: 1 }), previousPasswordHash: nullable(string({ min: 1 })) }),
  PreviousPasswordRetired: empty(),
  PasswordRotationStarted: object({ pendingPasswordHash: string({ min: 1 }) }),
  PasswordRotationAbandoned: empty(),
  PendingPasswordUsed: object({ passwordHash: string({ min: 1 }) }),
  LocalTagSaved: object({ tag: tagEntry }),
  LocalTagRemoved: object({ idTag: string({ min: 1 }) }),
  TagSaved: object({ tag: tagEntry }),
  TagRemoved: object({ idTag: string({ min: 1 }) }),
  ChargePointConnected: object({ connectionId: string({ min: 1 }), gatewayId: string({ min: 1 }) }),
  ChargePointDisconnected: object({ connectionId: string({ min: 1 }), gatewayId: string({ min: 1 }), reason: string() }),
  ChargePointBooted: object({ vendor: string(), model: string(), registrationStatus }, BOOT_INFO_OPTIONAL_FIELDS),
  HeartbeatReceived: empty(),
  ConnectorStatusChanged: object(
    { connectorId, status: string(), errorCode: string() },
    { info: string(), vendorId: string(), vendorErrorCode: string(), timestamp },
  ),
  IdTagPresented: object({ idTag: string(), authorizationStatus }, { expiryDate: timestamp, parentIdTag: string() }),
  TransactionStarted: object(
    { transactionId: integer(), connectorId, idTag: string(), meterStart: integer(), timestamp, authorizationStatus, tagOwner: nullable(tagOwner) },
    { reservationId: integer() },
  ),
  TransactionStopped: object(
    { transactionId: integer(), meterStop: integer(), timestamp, known: boolean() },
    { idTag: string(), reason: string(), transactionData: array(meterValue) },
  ),
  MeterValuesReported: object({ connectorId, meterValue: array(meterValue) }, { transactionId: integer() }),
  DataTransferReceived: object({ vendorId: string() }, { messageId: string(), data: string(), status: oneOf(DATA_TRANSFER_ANSWERS) }),
  SecurityEventReported: object({ type: string({ max: 50 }), timestamp }, { techInfo: string({ max: 255 }) }),
  DiagnosticsStatusReported: object({ status: string() }),
  FirmwareStatusReported: object({ status: string() }),
  CallRefused: object({ action: string(), errorCode: string({ min: 1 }), reason: string() }),
  // Written by the API, never by a wallbox: held to what the reservations read model stores.
  ReservationRequested: object(
    { reservationId: integer(), connectorId, idTag: string({ min: 1, max: ID_TAG_MAX }), expiresAt: timestamp },
    { parentIdTag: string({ min: 1, max: ID_TAG_MAX }) },
  ),
  ReservationAccepted: object({ reservationId: integer() }),
  ReservationRejected: object({ reservationId: integer(), status: nullable(string({ min: 1, max: RESERVATION_ANSWER_MAX })), reason: string() }),
  ReservationCancelled: object({ reservationId: integer() }),
  ReservationExpired: object({ reservationId: integer() }),
  LocalListChanged: object({ version: integer(1), digest: string({ min: 1 }), size: integer(0) }),
  LocalListSent: object({ version: integer(), updateType: localListUpdateType, entries: array(localListEntry), complete: boolean(), status: string({ min: 1 }) }),
  LocalListVersionReported: object({ listVersion: integer(-1) }),
  LocalListMaxLengthRead: object({ maxLength: nullable(integer(0)) }),
  ConnectionRefused: object({ status: integer(400, 599), reason: string() }),
  DiagnosticsFileUploaded: object({ name: string({ min: 1 }), size: integer(0), sha256: string({ min: 1 }) }),
  ChargingProfileSet: object({ connectorId, chargingProfile: chargingProfileRecord }, { remoteStartIdTag: string() }),
  ChargingProfilesCleared: chargingProfileCriteria,
  LogStatusReported: object({ status: string() }, { requestId: integer() }),
  SignedFirmwareStatusReported: object({ status: string() }, { requestId: integer() }),
  // Certificates: PEM texts as the whitepaper bounds them (CSR and certificate 5500, chain 10000).
  CertificateSigningRequested: object({ requestId: string({ min: 1 }), csr: string({ max: 5500 }) }),
  ChargePointCertificateIssued: object({ requestId: string({ min: 1 }), certificateChain: string({ min: 1, max: 10000 }), signer: oneOf(CERTIFICATE_SIGNERS) }),
  CertificateSigningRefused: object({ requestId: string({ min: 1 }), reason: string() }),
  ChargePointCertificateSent: object({ requestId: string({ min: 1 }), status: nullable(string({ min: 1 })) }, { reason: string() }),
  CertificateInstallAnswered: object({ certificateType, certificateHashData: nullableCertificateHashData, status: string({ min: 1 }) }),
  InstalledCertificatesReported: object({ certificateType, status: string({ min: 1 }), certificateHashData: certificateHashDataList }),
  CertificateDeleteAnswered: object({ certificateHashData, status: string({ min: 1 }) }),
};

const metadata = object({ chargePoint: nullable(string()), recordedAt: timestamp });

/** The whole event of each type, envelope and data: what parseEvent checks a stored event against. */
export const EVENT_SCHEMAS: ReadonlyMap<string, Schema<VoltstreamEvent>> = new Map(
  Object.entries(EVENT_DATA).map(([type, data]: [string, AnySchema]) => [
    type,
    object({ type: string(), version: oneOf([1]), data, metadata }) as unknown as Schema<VoltstreamEvent>,
  ]),
);
