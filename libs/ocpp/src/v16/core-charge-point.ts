import {
  CHARGE_POINT_ERROR_CODES,
  CHARGE_POINT_STATUSES,
  DATA_TRANSFER_STATUSES,
  REASONS,
  REGISTRATION_STATUSES,
  type ChargePointErrorCode,
  type ChargePointStatus,
  type DataTransferStatus,
  type Reason,
  type RegistrationStatus,
} from './enums';
import { ciString, dateTime, integer, nested, nestedList, oneOf, Optional, Required, text } from './fields';
import { ID_TOKEN, IdTagInfo, MeterValue } from './types';

/** Core profile, operations initiated by the charge point (OCPP 1.6 §4). */

export class AuthorizeRequest {
  @Required(ID_TOKEN) idTag: string;
}

export class AuthorizeConfirmation {
  @Required(nested(() => IdTagInfo)) idTagInfo: IdTagInfo;
}

export class BootNotificationRequest {
  @Required(ciString(20)) chargePointVendor: string;
  @Required(ciString(20)) chargePointModel: string;
  @Optional(ciString(25)) chargePointSerialNumber?: string;
  @Optional(ciString(25)) chargeBoxSerialNumber?: string;
  @Optional(ciString(50)) firmwareVersion?: string;
  @Optional(ciString(20)) iccid?: string;
  @Optional(ciString(20)) imsi?: string;
  @Optional(ciString(25)) meterType?: string;
  @Optional(ciString(25)) meterSerialNumber?: string;
}

export class BootNotificationConfirmation {
  @Required(oneOf(REGISTRATION_STATUSES)) status: RegistrationStatus;
  @Required(dateTime) currentTime: string;
  /** Heartbeat interval in seconds (or retry interval while Pending/Rejected). */
  @Required(integer) interval: number;
}

/** Sent by either side. */
export class DataTransferRequest {
  @Required(ciString(255)) vendorId: string;
  @Optional(ciString(50)) messageId?: string;
  @Optional(text) data?: string;
}

export class DataTransferConfirmation {
  @Required(oneOf(DATA_TRANSFER_STATUSES)) status: DataTransferStatus;
  @Optional(text) data?: string;
}

export class HeartbeatRequest {}

export class HeartbeatConfirmation {
  @Required(dateTime) currentTime: string;
}

export class MeterValuesRequest {
  @Required(integer) connectorId: number;
  @Optional(integer) transactionId?: number;
  @Required(nestedList(() => MeterValue)) meterValue: MeterValue[];
}

export class MeterValuesConfirmation {}

export class StartTransactionRequest {
  @Required(integer) connectorId: number;
  @Required(ID_TOKEN) idTag: string;
  /** Meter value in Wh at the start. */
  @Required(integer) meterStart: number;
  @Optional(integer) reservationId?: number;
  @Required(dateTime) timestamp: string;
}

export class StartTransactionConfirmation {
  @Required(nested(() => IdTagInfo)) idTagInfo: IdTagInfo;
  @Required(integer) transactionId: number;
}

export class StatusNotificationRequest {
  @Required(integer) connectorId: number;
  @Required(oneOf(CHARGE_POINT_ERROR_CODES)) errorCode: ChargePointErrorCode;
  @Optional(ciString(50)) info?: string;
  @Required(oneOf(CHARGE_POINT_STATUSES)) status: ChargePointStatus;
  @Optional(dateTime) timestamp?: string;
  @Optional(ciString(255)) vendorId?: string;
  @Optional(ciString(50)) vendorErrorCode?: string;
}

export class StatusNotificationConfirmation {}

export class StopTransactionRequest {
  @Optional(ID_TOKEN) idTag?: string;
  /** Meter value in Wh at the end. */
  @Required(integer) meterStop: number;
  @Required(dateTime) timestamp: string;
  @Required(integer) transactionId: number;
  @Optional(oneOf(REASONS)) reason?: Reason;
  @Optional(nestedList(() => MeterValue)) transactionData?: MeterValue[];
}

export class StopTransactionConfirmation {
  @Optional(nested(() => IdTagInfo)) idTagInfo?: IdTagInfo;
}
