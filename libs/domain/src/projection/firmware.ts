import type { EventOf } from '@voltstream/contracts';
import type { ProjectedChargePoint } from './records';

/** FirmwareStatusNotification: the status and when the CSMS recorded it. */
export function withFirmwareStatus(chargePoint: ProjectedChargePoint, event: EventOf<'FirmwareStatusReported'>): ProjectedChargePoint {
  return { ...chargePoint, firmwareStatus: event.data.status, firmwareStatusAt: new Date(event.metadata.recordedAt) };
}

/** DiagnosticsStatusNotification: the status and when the CSMS recorded it. */
export function withDiagnosticsStatus(chargePoint: ProjectedChargePoint, event: EventOf<'DiagnosticsStatusReported'>): ProjectedChargePoint {
  return { ...chargePoint, diagnosticsStatus: event.data.status, diagnosticsStatusAt: new Date(event.metadata.recordedAt) };
}
