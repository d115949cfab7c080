/** Domain vocabulary shared by events, RPC messages and read models. */
export const START_MODES = ['auto', 'anyTag', 'centralList', 'localList', 'bothLists'] as const;
export type StartMode = (typeof START_MODES)[number];

export type AuthorizationStatus = 'Accepted' | 'Blocked' | 'Expired' | 'Invalid' | 'ConcurrentTx';
export type RegistrationStatus = 'Accepted' | 'Pending' | 'Rejected';

export interface TagEntry {
  idTag: string;
  firstName: string;
  lastName: string;
  email: string;
  info: string;
  expiresAt: string | null;
  blocked: boolean;
  parentIdTag: string | null;
}

export interface TagOwner {
  firstName: string;
  lastName: string;
  email: string;
}

/**
 * OCPP quirks a charge point is allowed, deliberately, by an operator (strict when empty):
 * - truncateOverlongStrings: a CiString over its maximum length is cut instead of refused;
 * - ignoreUnknownProperties: properties the schema does not define are dropped instead of refused;
 * - acceptNumericStrings: a number sent as a string ("12.5") is read as the number.
 */
export const RELAXATIONS = ['truncateOverlongStrings', 'ignoreUnknownProperties', 'acceptNumericStrings'] as const;
export type Relaxation = (typeof RELAXATIONS)[number];

export interface ChargePointSettings {
  startMode: StartMode;
  relaxations: Relaxation[];
  autoStartIdTag: string | null;
  /** scrypt hash (see libs/domain password.ts), never the password itself. */
  passwordHash: string | null;
  description: string | null;
  /**
   * The vendor ids whose DataTransfer the gateway answers Accepted; others get UnknownVendorId.
   * Absent from the settings recorded before it existed: none.
   */
  acceptedDataTransferVendors?: string[];
  /**
   * OCPP 1.6 security whitepaper profile the charge point never connects with less than (SPEC §10):
   * 0 none, 1 Basic auth, 2 Basic auth over TLS, 3 TLS with a client certificate. Absent in events
   * stored before profiles existed: those mean 0.
   */
  securityProfile?: SecurityProfile;
}

/** What the CSMS answers a wallbox's DataTransfer (OCPP 1.6 DataTransferStatus, the values it uses). */
export const DATA_TRANSFER_ANSWERS = ['Accepted', 'UnknownVendorId'] as const;
export type DataTransferAnswer = (typeof DATA_TRANSFER_ANSWERS)[number];

export const SECURITY_PROFILES = [0, 1, 2, 3] as const;
export type SecurityProfile = (typeof SECURITY_PROFILES)[number];

export interface SampledValue {
  value: string;
  context?: string;
  format?: string;
  measurand?: string;
  phase?: string;
  location?: string;
  unit?: string;
}

export interface MeterValue {
  timestamp: string;
  sampledValue: SampledValue[];
}

export interface BootInfo {
  vendor: string;
  model: string;
  chargePointSerialNumber?: string;
  chargeBoxSerialNumber?: string;
  firmwareVersion?: string;
  iccid?: string;
  imsi?: string;
  meterType?: string;
  meterSerialNumber?: string;
}

/** Local Auth List Management: one entry of a wallbox's local authorization list (OCPP 1.6 AuthorizationData). */
export interface LocalListEntry {
  idTag: string;
  /** Absent in a Differential update: the tag is removed from the list. */
  idTagInfo?: { status: AuthorizationStatus; expiryDate?: string; parentIdTag?: string };
}

export const LOCAL_LIST_UPDATE_TYPES = ['Full', 'Differential'] as const;
export type LocalListUpdateType = (typeof LOCAL_LIST_UPDATE_TYPES)[number];

/** A charging profile as a wallbox accepted it (OCPP 1.6 ChargingProfile, checked by the gateway); its schedule as sent. */
export interface ChargingProfileRecord {
  chargingProfileId: number;
  transactionId?: number;
  stackLevel: number;
  chargingProfilePurpose: string;
  chargingProfileKind: string;
  recurrencyKind?: string;
  validFrom?: string;
  validTo?: string;
  chargingSchedule: Record<string, unknown>;
}

/** ClearChargingProfile's criteria: an id clears that profile; otherwise the profiles matching every criterion given. */
export interface ChargingProfileCriteria {
  id?: number;
  connectorId?: number;
  chargingProfilePurpose?: string;
  stackLevel?: number;
}
