import { DIAGNOSTICS_STATUSES, FIRMWARE_STATUSES, type DiagnosticsStatus, type FirmwareStatus } from './enums';
import { ciString, dateTime, integer, oneOf, Optional, Required, uri } from './fields';

/** Firmware Management profile: firmware updates and diagnostics uploads. */

export class GetDiagnosticsRequest {
  /** Where the charge point uploads its diagnostics file. */
  @Required(uri) location: string;
  @Optional(integer) retries?: number;
  @Optional(integer) retryInterval?: number;
  @Optional(dateTime) startTime?: string;
  @Optional(dateTime) stopTime?: string;
}

export class GetDiagnosticsConfirmation {
  /** Absent when there is no diagnostics information. */
  @Optional(ciString(255)) fileName?: string;
}

export class DiagnosticsStatusNotificationRequest {
  @Required(oneOf(DIAGNOSTICS_STATUSES)) status: DiagnosticsStatus;
}

export class DiagnosticsStatusNotificationConfirmation {}

export class FirmwareStatusNotificationRequest {
  @Required(oneOf(FIRMWARE_STATUSES)) status: FirmwareStatus;
}

export class FirmwareStatusNotificationConfirmation {}

export class UpdateFirmwareRequest {
  @Required(uri) location: string;
  @Optional(integer) retries?: number;
  @Required(dateTime) retrieveDate: string;
  @Optional(integer) retryInterval?: number;
}

export class UpdateFirmwareConfirmation {}
