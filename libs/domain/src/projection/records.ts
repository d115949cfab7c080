import type { ChargingProfileRecord, LocalListEntry, MeterValue, TagOwner } from '@voltstream/contracts';

/** The rows of the read models as plain data: what `project` reads and writes. */
export interface ProjectedChargePoint {
  identity: string;
  state: 'discovered' | 'adopted';
  online: boolean;
  connectionId: string | null;
  lastSeenAt: Date | null;
  startMode: string | null;
  autoStartIdTag: string | null;
  description: string | null;
  passwordSet: boolean;
  securityProfile: number;
  relaxations: string[];
  acceptedDataTransferVendors: string[];
  vendor: string | null;
  model: string | null;
  serialNumber: string | null;
  firmwareVersion: string | null;
  registrationStatus: string | null;
  lastIdTag: string | null;
  status: string | null;
  errorCode: string | null;
  /** The last FirmwareStatusNotification and when it was recorded. */
  firmwareStatus: string | null;
  firmwareStatusAt: Date | null;
  /** The last DiagnosticsStatusNotification and when it was recorded. */
  diagnosticsStatus: string | null;
  diagnosticsStatusAt: Date | null;
  /** The last LogStatusNotification (GetLog) and when it was recorded. */
  logStatus: string | null;
  logStatusAt: Date | null;
  /** The newest SignCertificate request, where it stands (CertificateSigningStatus), why it stopped (refused, unanswered) and when it got there. */
  certificateSigningRequestId: string | null;
  certificateSigningStatus: string | null;
  certificateSigningReason: string | null;
  certificateSigningAt: Date | null;
}

export interface ProjectedConnector {
  chargePointIdentity: string;
  connectorId: number;
  /** kWh */
  meterValue: number | null;
  available: boolean;
  status: string;
  errorCode: string;
  transaction: boolean;
  transactionId: number | null;
  transactionMeterStart: number;
  transactionMeterEnd: number | null;
  transactionIdTag: string | null;
  /** Wh */
  transactionConsumption: number;
}

export interface ProjectedTransaction {
  transactionId: number;
  chargePointIdentity: string;
  /** Null only for a stop of a transaction the CSMS never saw started. */
  connectorId: number | null;
  idTag: string | null;
  tagOwner: TagOwner | null;
  authorizationStatus: string | null;
  meterStart: number | null;
  meterEnd: number | null;
  /** Wh: live while charging, final after the stop. */
  consumption: number;
  startedAt: Date | null;
  stoppedAt: Date | null;
  stopReason: string | null;
  transactionData: MeterValue[] | null;
  known: boolean;
}

export interface ProjectedMeterValue {
  chargePointIdentity: string;
  /** 0 for the charge point's main meter, and when the connector is not known. */
  connectorId: number;
  transactionId: number | null;
  timestamp: Date;
  receivedAt: Date;
  timestampPlausible: boolean;
  orderedAt: Date;
  measurand: string;
  value: number | null;
  unit: string | null;
  phase: string | null;
  context: string | null;
  location: string | null;
  format: string | null;
}

/** A history row numbered by its place in the event log (`ProjectionBatch.apply`). */
export interface NumberedMeterValue extends ProjectedMeterValue {
  id: number;
}

/** A DataTransfer a wallbox sent to the CSMS, and what it was answered. */
export interface ProjectedDataTransfer {
  chargePointIdentity: string;
  vendorId: string;
  messageId: string | null;
  data: string | null;
  status: string;
  receivedAt: Date;
}

export interface ProjectedSecurityEvent {
  chargePointIdentity: string;
  type: string;
  occurredAt: Date;
  techInfo: string | null;
  receivedAt: Date;
}

/** A SecurityEventNotification numbered by the place of its event in the log. */
export interface NumberedSecurityEvent extends ProjectedSecurityEvent {
  id: number;
}

/** A DataTransfer numbered by the place of its event in the log. */
export interface NumberedDataTransfer extends ProjectedDataTransfer {
  id: number;
}

export interface ProjectedTag {
  idTag: string;
  firstName: string;
  lastName: string;
  email: string;
  info: string;
  expiresAt: Date | null;
  blocked: boolean;
  parentIdTag: string | null;
}

export interface ProjectedLocalTag extends ProjectedTag {
  chargePointIdentity: string;
}


/** Where a reservation is in its lifecycle (SPEC §9). */
export type ReservationState = 'requested' | 'accepted' | 'rejected' | 'used' | 'cancelled' | 'expired';

export interface ProjectedReservation {
  reservationId: number;
  chargePointIdentity: string;
  /** 0: any connector of the charge point. */
  connectorId: number;
  idTag: string;
  parentIdTag: string | null;
  expiresAt: Date;
  status: ReservationState;
  /** The charge point's answer to ReserveNow, once it gave one. */
  answer: string | null;
  /** Why it was rejected, in words. */
  reason: string | null;
  /** The transaction that used it. */
  transactionId: number | null;
  requestedAt: Date;
  /** When it reached its current status. */
  updatedAt: Date;
}

/** Where a charge point's local list stands (Local Auth List Management). */
export interface ProjectedLocalListSync {
  chargePointIdentity: string;
  wantedVersion: number;
  acknowledgedVersion: number | null;
  reportedVersion: number | null;
  notSupported: boolean;
  maxLength: number | null;
  lastStatus: string | null;
  lastUpdateType: string | null;
  lastSentAt: Date | null;
  /** `inSync`, `pending` or `notSupported`. */
  state: string;
  /** What the charge point holds, from the chunks it accepted; null while unknown. */
  held: LocalListEntry[] | null;
}

/** A charging profile a wallbox accepted (see charging-profiles.ts). */
export interface ProjectedChargingProfile {
  chargePointIdentity: string;
  chargingProfileId: number;
  /** 0: the charge point as a whole, or a remote start that named no connector. */
  connectorId: number;
  stackLevel: number;
  purpose: string;
  transactionId: number | null;
  /** The tag of the remote start whose transaction this TxProfile awaits; null once it started. */
  remoteStartIdTag: string | null;
  profile: ChargingProfileRecord;
  installedAt: Date;
}
