import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import type { ChargePointView, ConnectorView } from '../charge-points/charge-point.view';
import type { MeterValueView } from '../charge-points/meter-value.view';
import type { CertificateSigningStatus } from '@voltstream/domain';
import { CertificateSigningStatusEnum, ChargePointStateEnum, RelaxationEnum, StartModeEnum } from './enums';

@ObjectType('Connector', { description: 'A socket of a charge point, as SPEC §5 names its fields' })
export class ConnectorObject implements ConnectorView {
  @Field(() => Int)
  connectorId: number;

  @Field(() => Float, { nullable: true, description: 'meter reading in kWh' })
  meterValue: number | null;

  @Field({ description: 'false when the connector is Unavailable' })
  available: boolean;

  @Field({ description: 'OCPP ChargePointStatus' })
  status: string;

  @Field({ description: 'OCPP error code, "" when NoError' })
  errorCode: string;

  @Field({ description: 'a transaction is active' })
  transaction: boolean;

  @Field(() => Int, { nullable: true, description: 'the current or last transaction' })
  transactionId: number | null;

  @Field(() => Int, { description: 'Wh' })
  transactionMeterStart: number;

  @Field(() => Int, { nullable: true, description: 'Wh; null while the transaction is active' })
  transactionMeterEnd: number | null;

  @Field(() => String, { nullable: true })
  transactionIdTag: string | null;

  @Field(() => Int, { description: 'Wh consumed by the current or last transaction' })
  transactionConsumption: number;
}

@ObjectType('ChargePoint', { description: 'A wallbox, as SPEC §5 names its fields, with its operator settings (never the password)' })
export class ChargePointObject implements ChargePointView {
  @Field()
  identity: string;

  @Field(() => ChargePointStateEnum)
  state: string;

  @Field()
  online: boolean;

  @Field(() => String, { nullable: true, description: 'ISO 8601' })
  lastSeenAt: string | null;

  @Field(() => StartModeEnum, { nullable: true })
  startMode: string | null;

  @Field(() => String, { nullable: true })
  autoStartIdTag: string | null;

  @Field(() => String, { nullable: true })
  vendor: string | null;

  @Field(() => String, { nullable: true })
  model: string | null;

  @Field(() => String, { nullable: true })
  serialNumber: string | null;

  @Field(() => String, { nullable: true })
  firmwareVersion: string | null;

  @Field(() => String, { nullable: true, description: 'the last tag presented, accepted or not' })
  lastIdTag: string | null;

  @Field(() => String, { nullable: true, description: "connector 0's status" })
  status: string | null;

  @Field(() => String, { nullable: true, description: "connector 0's error code" })
  errorCode: string | null;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field({ description: 'the wallbox must authenticate with a password (HTTP Basic)' })
  passwordSet: boolean;

  @Field(() => Int, { description: 'OCPP security profile it never connects with less than: 0 none, 1 Basic auth, 2 Basic auth over TLS, 3 client certificate' })
  securityProfile: number;

  @Field(() => [RelaxationEnum])
  relaxations: string[];

  @Field(() => [String], { description: 'vendor ids whose DataTransfer is answered Accepted; others get UnknownVendorId' })
  acceptedDataTransferVendors: string[];

  @Field(() => String, { nullable: true, description: 'the last FirmwareStatusNotification or SignedFirmwareStatusNotification' })
  firmwareStatus: string | null;

  @Field(() => String, { nullable: true, description: 'when firmwareStatus was recorded, ISO 8601' })
  firmwareStatusAt: string | null;

  @Field(() => String, { nullable: true, description: 'the last DiagnosticsStatusNotification' })
  diagnosticsStatus: string | null;

  @Field(() => String, { nullable: true, description: 'when diagnosticsStatus was recorded, ISO 8601' })
  diagnosticsStatusAt: string | null;

  @Field(() => String, { nullable: true, description: 'the last LogStatusNotification (GetLog)' })
  logStatus: string | null;

  @Field(() => String, { nullable: true, description: 'when logStatus was recorded, ISO 8601' })
  logStatusAt: string | null;

  @Field(() => String, { nullable: true, description: 'the newest SignCertificate request the wallbox sent (its OCPP message id)' })
  certificateSigningRequestId: string | null;

  @Field(() => CertificateSigningStatusEnum, { nullable: true, description: 'where that request stands' })
  certificateSigningStatus: CertificateSigningStatus | null;

  @Field(() => String, { nullable: true, description: "why it stopped when Refused (the CA's reason) or Unanswered" })
  certificateSigningReason: string | null;

  @Field(() => String, { nullable: true, description: 'when certificateSigningStatus was recorded, ISO 8601' })
  certificateSigningAt: string | null;

  @Field(() => [ConnectorObject])
  connectors: ConnectorObject[];
}

@ObjectType('ConnectorChange', { description: 'A connector as it is after a change, and whose it is' })
export class ConnectorChangeObject {
  @Field()
  chargePointIdentity: string;

  @Field(() => ConnectorObject)
  connector: ConnectorObject;
}

@ObjectType('FleetChange', { description: 'A change of any charge point; the first has none: read the fleet then, and apply the later ones on what was read' })
export class FleetChangeObject {
  @Field(() => ChargePointObject, { nullable: true, description: 'the charge point as it is after the change; null on the first' })
  chargePoint: ChargePointObject | null;
}

@ObjectType('MeterValue', { description: 'One sampled value of a connector’s meter history' })
export class MeterValueObject implements MeterValueView {
  @Field({ description: "the wallbox's timestamp, ISO 8601" })
  timestamp: string;

  @Field({ description: 'false when the timestamp was implausible: the history orders it by receipt instead' })
  timestampPlausible: boolean;

  @Field()
  measurand: string;

  @Field(() => Float, { nullable: true, description: 'null when the wallbox sent no number' })
  value: number | null;

  @Field(() => String, { nullable: true })
  unit: string | null;

  @Field(() => String, { nullable: true })
  phase: string | null;

  @Field(() => String, { nullable: true })
  context: string | null;

  @Field(() => String, { nullable: true })
  location: string | null;

  @Field(() => String, { nullable: true })
  format: string | null;

  @Field(() => Int, { nullable: true })
  transactionId: number | null;
}
