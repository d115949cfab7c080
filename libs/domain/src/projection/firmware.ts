import type { EventOf } from '@voltstream/contracts';
import type { ProjectedChargePoint } from './records';

/**
 * FirmwareStatusNotification, or SignedFirmwareStatusNotification (security whitepaper): the status
 * and when the CSMS recorded it. A wallbox runs one firmware update at a time, whichever call began it.
 */
export function withFirmwareStatus(
  chargePoint: ProjectedChargePoint,
  event: EventOf<'FirmwareStatusReported' | 'SignedFirmwareStatusReported'>,
): ProjectedChargePoint {
  return { ...chargePoint, firmwareStatus: event.data.status, firmwareStatusAt: new Date(event.metadata.recordedAt) };
}

/** DiagnosticsStatusNotification: the status and when the CSMS recorded it. */
export function withDiagnosticsStatus(chargePoint: ProjectedChargePoint, event: EventOf<'DiagnosticsStatusReported'>): ProjectedChargePoint {
  return { ...chargePoint, diagnosticsStatus: event.data.status, diagnosticsStatusAt: new Date(event.metadata.recordedAt) };
}

/** LogStatusNotification (security whitepaper): the status of the last log upload and when the CSMS recorded it. */
export function withLogStatus(chargePoint: ProjectedChargePoint, event: EventOf<'LogStatusReported'>): ProjectedChargePoint {
  return { ...chargePoint, logStatus: event.data.status, logStatusAt: new Date(event.metadata.recordedAt) };
}
