import {
  LOCAL_LIST_UPDATE_TYPES,
  RELAXATIONS,
  SECURITY_PROFILES,
  START_MODES,
  type AuthorizationStatus,
  type ChargePointSettings,
  type LocalListEntry,
  type ChargingProfileCriteria,
  type ChargingProfileRecord,
  type MeterValue,
  type RegistrationStatus,
  type SampledValue,
  type TagEntry,
  type TagOwner,
} from './charging';
import { array, boolean, integer, jsonObject, nullable, object, oneOf, string, type Schema } from './schema';

/**
 * The schemas of the domain vocabulary (charging.ts). Each is annotated with its declared type,
 * and a schema is invariant in its type: the compiler refuses a schema that drifts from it.
 */
export const AUTHORIZATION_STATUSES = ['Accepted', 'Blocked', 'Expired', 'Invalid', 'ConcurrentTx'] as const satisfies readonly AuthorizationStatus[];
export const REGISTRATION_STATUSES = ['Accepted', 'Pending', 'Rejected'] as const satisfies readonly RegistrationStatus[];

/** Limits of OCPP 1.6 (CiString20Type and the like) that the RPC requests keep to. */
export const IDENTITY_MAX = 48;
export const ID_TAG_MAX = 20;
export const TEXT_MAX = 255;

export const authorizationStatus: Schema<AuthorizationStatus> = oneOf(AUTHORIZATION_STATUSES);
export const registrationStatus: Schema<RegistrationStatus> = oneOf(REGISTRATION_STATUSES);
export const connectorId = integer(0);
/** A timestamp as stored: ISO 8601 text (its format is the gateway's check, not the reader's). */
export const timestamp = string({ min: 1 });

export const tagEntry: Schema<TagEntry> = object({
  idTag: string({ min: 1 }),
  firstName: string(),
  lastName: string(),
  email: string(),
  info: string(),
  expiresAt: nullable(string()),
  blocked: boolean(),
  parentIdTag: nullable(string()),
});

export const tagOwner: Schema<TagOwner> = object({ firstName: string(), lastName: string(), email: string() });

export const chargePointSettings: Schema<ChargePointSettings> = object(
  {
    startMode: oneOf(START_MODES),
    relaxations: array(oneOf(RELAXATIONS)),
    autoStartIdTag: nullable(string()),
    passwordHash: nullable(string()),
    description: nullable(string()),
  },
  { securityProfile: oneOf(SECURITY_PROFILES), acceptedDataTransferVendors: array(string({ min: 1 })) },
);

const sampledValue: Schema<SampledValue> = object(
  { value: string() },
  { context: string(), format: string(), measurand: string(), phase: string(), location: string(), unit: string() },
);

export const meterValue: Schema<MeterValue> = object({ timestamp, sampledValue: array(sampledValue) });

export const BOOT_INFO_OPTIONAL_FIELDS = {
  chargePointSerialNumber: string(),
  chargeBoxSerialNumber: string(),
  firmwareVersion: string(),
  iccid: string(),
  imsi: string(),
  meterType: string(),
  meterSerialNumber: string(),
};

export const localListEntry: Schema<LocalListEntry> = object(
  { idTag: string({ min: 1 }) },
  { idTagInfo: object({ status: authorizationStatus }, { expiryDate: string(), parentIdTag: string() }) },
);
export const localListUpdateType = oneOf(LOCAL_LIST_UPDATE_TYPES);

export const chargingProfileRecord: Schema<ChargingProfileRecord> = object(
  { chargingProfileId: integer(), stackLevel: integer(0), chargingProfilePurpose: string({ min: 1 }), chargingProfileKind: string({ min: 1 }), chargingSchedule: jsonObject() },
  { transactionId: integer(), recurrencyKind: string(), validFrom: timestamp, validTo: timestamp },
);

export const chargingProfileCriteria: Schema<ChargingProfileCriteria> = object(
  {},
  { id: integer(), connectorId, chargingProfilePurpose: string({ min: 1 }), stackLevel: integer(0) },
);
