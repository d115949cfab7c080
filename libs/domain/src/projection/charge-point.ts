import type { BootInfo, ChargePointSettings, RegistrationStatus } from '@voltstream/contracts';
import type { ProjectedChargePoint } from './records';

/** A charge point the CSMS has seen but no operator has adopted yet. */
export function discoveredChargePoint(identity: string): ProjectedChargePoint {
  return {
    identity,
    state: 'discovered',
    online: false,
    connectionId: null,
    lastSeenAt: null,
    startMode: null,
    autoStartIdTag: null,
    description: null,
    passwordSet: false,
    securityProfile: 0,
    relaxations: [],
    acceptedDataTransferVendors: [],
    vendor: null,
    model: null,
    serialNumber: null,
    firmwareVersion: null,
    registrationStatus: null,
    lastIdTag: null,
    status: null,
    errorCode: null,
    firmwareStatus: null,
    firmwareStatusAt: null,
    diagnosticsStatus: null,
    diagnosticsStatusAt: null,
    logStatus: null,
    logStatusAt: null,
    certificateSigningRequestId: null,
    certificateSigningStatus: null,
    certificateSigningReason: null,
    certificateSigningAt: null,
  };
}

/** The settings an operator chose; the password hash never leaves the event log. */
export function withSettings(chargePoint: ProjectedChargePoint, settings: ChargePointSettings): ProjectedChargePoint {
  return {
    ...chargePoint,
    startMode: settings.startMode,
    autoStartIdTag: settings.autoStartIdTag,
    description: settings.description,
    passwordSet: settings.passwordHash !== null,
    securityProfile: settings.securityProfile ?? 0,
    relaxations: [...settings.relaxations],
    acceptedDataTransferVendors: [...(settings.acceptedDataTransferVendors ?? [])],
  };
}

export function withBoot(chargePoint: ProjectedChargePoint, boot: BootInfo & { registrationStatus: RegistrationStatus }): ProjectedChargePoint {
  return {
    ...chargePoint,
    vendor: boot.vendor,
    model: boot.model,
    serialNumber: boot.chargePointSerialNumber ?? boot.chargeBoxSerialNumber ?? null,
    firmwareVersion: boot.firmwareVersion ?? null,
    registrationStatus: boot.registrationStatus,
  };
}

export function connected(chargePoint: ProjectedChargePoint, connectionId: string): ProjectedChargePoint {
  return { ...chargePoint, online: true, connectionId };
}

/** Only the connection the charge point is online through takes it offline when it closes. */
export function disconnected(chargePoint: ProjectedChargePoint, connectionId: string): ProjectedChargePoint {
  if (chargePoint.connectionId !== connectionId) return chargePoint;
  return { ...chargePoint, online: false, connectionId: null };
}

/** OCPP's "NoError" is shown as an empty error code. */
export function shownErrorCode(errorCode: string): string {
  return errorCode === 'NoError' ? '' : errorCode;
}
