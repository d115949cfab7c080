import {
  LOG_STATUSES,
  LOG_TYPES,
  SIGNED_FIRMWARE_STATUSES,
  UPDATE_FIRMWARE_STATUSES,
  UPLOAD_LOG_STATUSES,
  type LogStatus,
  type LogType,
  type SignedFirmwareStatus,
  type UpdateFirmwareStatus,
  type UploadLogStatus,
} from './enums';
import { ciString, dateTime, integer, nested, oneOf, Optional, Required } from './fields';

/** OCPP 1.6 Security Whitepaper (edition 3): log uploads and signed firmware updates. */

/** Where the wallbox uploads the log, and the period it covers. */
export class LogParametersType {
  @Required(ciString(512)) remoteLocation: string;
  @Optional(dateTime) oldestTimestamp?: string;
  @Optional(dateTime) latestTimestamp?: string;
}

export class GetLogRequest {
  @Required(nested(() => LogParametersType)) log: LogParametersType;
  @Required(oneOf(LOG_TYPES)) logType: LogType;
  @Required(integer) requestId: number;
  @Optional(integer) retries?: number;
  @Optional(integer) retryInterval?: number;
}

export class GetLogConfirmation {
  @Required(oneOf(LOG_STATUSES)) status: LogStatus;
  @Optional(ciString(255)) filename?: string;
}

export class LogStatusNotificationRequest {
  @Required(oneOf(UPLOAD_LOG_STATUSES)) status: UploadLogStatus;
  @Optional(integer) requestId?: number;
}

export class LogStatusNotificationConfirmation {}

/** The image, where to fetch it from, and the certificate and signature it is verified with. */
export class FirmwareType {
  @Required(ciString(512)) location: string;
  @Required(dateTime) retrieveDateTime: string;
  @Optional(dateTime) installDateTime?: string;
  /** PEM. */
  @Required(ciString(5500)) signingCertificate: string;
  /** Base64 of the signature of the image. */
  @Required(ciString(800)) signature: string;
}

export class SignedUpdateFirmwareRequest {
  @Optional(integer) retries?: number;
  @Optional(integer) retryInterval?: number;
  @Required(integer) requestId: number;
  @Required(nested(() => FirmwareType)) firmware: FirmwareType;
}

export class SignedUpdateFirmwareConfirmation {
  @Required(oneOf(UPDATE_FIRMWARE_STATUSES)) status: UpdateFirmwareStatus;
}

export class SignedFirmwareStatusNotificationRequest {
  @Required(oneOf(SIGNED_FIRMWARE_STATUSES)) status: SignedFirmwareStatus;
  @Optional(integer) requestId?: number;
}

export class SignedFirmwareStatusNotificationConfirmation {}
