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
  'LogStatusNotification',
  'SignedFirmwareStatusNotification',
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
  'GetLog',
  'SignedUpdateFirmware',
] as const;
export type CentralSystemAction = (typeof CENTRAL_SYSTEM_ACTIONS)[number];

export type OcppAction = ChargePointAction | CentralSystemAction;
