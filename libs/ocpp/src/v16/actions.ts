/** Every OCPP 1.6 action, by the side that initiates it (DataTransfer is sent by both). */

export const CHARGE_POINT_ACTIONS = [
  'Authorize',
  'BootNotification',
  'DataTransfer',
  'DiagnosticsStatusNotification',
  'FirmwareStatusNotification',
  'Heartbeat',
  'MeterValues',
  'StartTransaction',
  'StatusNotification',
  'StopTransaction',
  'SecurityEventNotification',
  'SignCertificate',
] as const;
export type ChargePointAction = (typeof CHARGE_POINT_ACTIONS)[number];

export const CENTRAL_SYSTEM_ACTIONS = [
  'CancelReservation',
  'CertificateSigned',
  'ChangeAvailability',
  'ChangeConfiguration',
  'ClearCache',
  'ClearChargingProfile',
  'DataTransfer',
  'DeleteCertificate',
  'ExtendedTriggerMessage',
  'GetCompositeSchedule',
  'GetConfiguration',
  'GetDiagnostics',
  'GetInstalledCertificateIds',
  'GetLocalListVersion',
  'InstallCertificate',
  'RemoteStartTransaction',
  'RemoteStopTransaction',
  'ReserveNow',
  'Reset',
  'SendLocalList',
  'SetChargingProfile',
  'TriggerMessage',
  'UnlockConnector',
  'UpdateFirmware',
] as const;
export type CentralSystemAction = (typeof CENTRAL_SYSTEM_ACTIONS)[number];

export type OcppAction = ChargePointAction | CentralSystemAction;

/**
 * Actions of the "OCPP 1.6 Security Whitepaper" extension not supported yet: recognised (a CALL of
 * one is answered NotSupported rather than NotImplemented, OCPP-J 1.6 §4.2.3).
 */
export const SECURITY_EXTENSION_ACTIONS = [
  'GetLog',
  'LogStatusNotification',
  'SignedFirmwareStatusNotification',
  'SignedUpdateFirmware',
] as const;
export type SecurityExtensionAction = (typeof SECURITY_EXTENSION_ACTIONS)[number];
