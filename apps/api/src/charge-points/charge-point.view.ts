import { ApiProperty } from '@nestjs/swagger';
import { RELAXATIONS, SECURITY_PROFILES, START_MODES } from '@voltstream/contracts';
import { CERTIFICATE_SIGNING_STATUSES, type CertificateSigningStatus } from '@voltstream/domain';
import type { ChargePointRow, ChargePointState, ConnectorRow } from '@voltstream/read-models';

export const CHARGE_POINT_STATES = ['discovered', 'adopted'] as const satisfies readonly ChargePointState[];

/** A connector as SPEC §5 names its fields. */
export class ConnectorView {
  @ApiProperty({ minimum: 1 })
  connectorId: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Meter reading in kWh' })
  meterValue: number | null;

  @ApiProperty({ description: 'false when the connector is Unavailable' })
  available: boolean;

  @ApiProperty({ description: 'OCPP ChargePointStatus', example: 'Available' })
  status: string;

  @ApiProperty({ description: 'OCPP error code, "" when NoError' })
  errorCode: string;

  @ApiProperty({ description: 'a transaction is active' })
  transaction: boolean;

  @ApiProperty({ type: Number, nullable: true })
  transactionId: number | null;

  @ApiProperty({ description: 'Wh' })
  transactionMeterStart: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Wh; null while the transaction is active' })
  transactionMeterEnd: number | null;

  @ApiProperty({ type: String, nullable: true })
  transactionIdTag: string | null;

  @ApiProperty({ description: 'Wh consumed by the current or last transaction' })
  transactionConsumption: number;
}

/** A charge point as SPEC §5 names its fields, plus its operator settings (never the password). */
export class ChargePointView {
  @ApiProperty()
  identity: string;

  @ApiProperty({ enum: CHARGE_POINT_STATES })
  state: string;

  @ApiProperty()
  online: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastSeenAt: string | null;

  @ApiProperty({ enum: START_MODES, nullable: true })
  startMode: string | null;

  @ApiProperty({ type: String, nullable: true })
  autoStartIdTag: string | null;

  @ApiProperty({ type: String, nullable: true })
  vendor: string | null;

  @ApiProperty({ type: String, nullable: true })
  model: string | null;

  @ApiProperty({ type: String, nullable: true })
  serialNumber: string | null;

  @ApiProperty({ type: String, nullable: true })
  firmwareVersion: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the last tag presented, accepted or not' })
  lastIdTag: string | null;

  @ApiProperty({ type: String, nullable: true, description: "connector 0's status" })
  status: string | null;

  @ApiProperty({ type: String, nullable: true, description: "connector 0's error code" })
  errorCode: string | null;

  @ApiProperty({ type: String, nullable: true })
  description: string | null;

  @ApiProperty({ description: 'the wallbox must authenticate with a password (HTTP Basic)' })
  passwordSet: boolean;

  @ApiProperty({ enum: SECURITY_PROFILES, description: 'OCPP security profile it never connects with less than: 0 none, 1 Basic auth, 2 Basic auth over TLS, 3 client certificate' })
  securityProfile: number;

  @ApiProperty({ enum: RELAXATIONS, isArray: true })
  relaxations: string[];

  @ApiProperty({ type: [String], description: 'vendor ids whose DataTransfer is answered Accepted; others get UnknownVendorId' })
  acceptedDataTransferVendors: string[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the last FirmwareStatusNotification or SignedFirmwareStatusNotification, e.g. Downloading, SignatureVerified, Installed, InvalidSignature',
  })
  firmwareStatus: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when firmwareStatus was recorded' })
  firmwareStatusAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the last DiagnosticsStatusNotification: Idle, Uploading, Uploaded or UploadFailed' })
  diagnosticsStatus: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when diagnosticsStatus was recorded' })
  diagnosticsStatusAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the last LogStatusNotification (GetLog): Uploading, Uploaded, UploadFailure…' })
  logStatus: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when logStatus was recorded' })
  logStatusAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: "the newest SignCertificate request the wallbox sent (its OCPP message id); null before its first" })
  certificateSigningRequestId: string | null;

  @ApiProperty({
    enum: CERTIFICATE_SIGNING_STATUSES,
    nullable: true,
    description: 'where that request stands: Requested (stored), Signed (CertificateSigned not answered yet), Refused by the CA, or the wallbox\'s answer to CertificateSigned: Accepted, Rejected, Unanswered (offline, timeout, CALLERROR)',
  })
  certificateSigningStatus: CertificateSigningStatus | null;

  @ApiProperty({ type: String, nullable: true, description: 'why it stopped when Refused (the CA\'s reason) or Unanswered' })
  certificateSigningReason: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when certificateSigningStatus was recorded' })
  certificateSigningAt: string | null;

  @ApiProperty({ type: () => [ConnectorView] })
  connectors: ConnectorView[];
}

export function toConnectorView(row: ConnectorRow): ConnectorView {
  return {
    connectorId: row.connectorId,
    meterValue: row.meterValue,
    available: row.available,
    status: row.status,
    errorCode: row.errorCode,
    transaction: row.transaction,
    transactionId: row.transactionId,
    transactionMeterStart: row.transactionMeterStart,
    transactionMeterEnd: row.transactionMeterEnd,
    transactionIdTag: row.transactionIdTag,
    transactionConsumption: row.transactionConsumption,
  };
}

export function toChargePointView(row: ChargePointRow): ChargePointView {
  const connectors = [...(row.connectors ?? [])].sort((a, b) => a.connectorId - b.connectorId);
  return {
    identity: row.identity,
    state: row.state,
    online: row.online,
    lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
    startMode: row.startMode,
    autoStartIdTag: row.autoStartIdTag,
    vendor: row.vendor,
    model: row.model,
    serialNumber: row.serialNumber,
    firmwareVersion: row.firmwareVersion,
    lastIdTag: row.lastIdTag,
    status: row.status,
    errorCode: row.errorCode,
    description: row.description,
    passwordSet: row.passwordSet,
    securityProfile: row.securityProfile,
    relaxations: row.relaxations,
    acceptedDataTransferVendors: row.acceptedDataTransferVendors,
    firmwareStatus: row.firmwareStatus,
    firmwareStatusAt: row.firmwareStatusAt?.toISOString() ?? null,
    diagnosticsStatus: row.diagnosticsStatus,
    diagnosticsStatusAt: row.diagnosticsStatusAt?.toISOString() ?? null,
    logStatus: row.logStatus,
    logStatusAt: row.logStatusAt?.toISOString() ?? null,
    certificateSigningRequestId: row.certificateSigningRequestId,
    certificateSigningStatus: row.certificateSigningStatus as CertificateSigningStatus | null,
    certificateSigningReason: row.certificateSigningReason,
    certificateSigningAt: row.certificateSigningAt?.toISOString() ?? null,
    connectors: connectors.map(toConnectorView),
  };
}
