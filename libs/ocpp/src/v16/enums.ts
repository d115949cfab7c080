/** The enumerations of OCPP 1.6 (specification §7), each as a const array and its union type. */

export const AUTHORIZATION_STATUSES = ['Accepted', 'Blocked', 'Expired', 'Invalid', 'ConcurrentTx'] as const;
export type AuthorizationStatus = (typeof AUTHORIZATION_STATUSES)[number];

export const AVAILABILITY_STATUSES = ['Accepted', 'Rejected', 'Scheduled'] as const;
export type AvailabilityStatus = (typeof AVAILABILITY_STATUSES)[number];

export const AVAILABILITY_TYPES = ['Inoperative', 'Operative'] as const;
export type AvailabilityType = (typeof AVAILABILITY_TYPES)[number];

export const CANCEL_RESERVATION_STATUSES = ['Accepted', 'Rejected'] as const;
export type CancelReservationStatus = (typeof CANCEL_RESERVATION_STATUSES)[number];

export const CHARGE_POINT_ERROR_CODES = [
  'ConnectorLockFailure',
  'EVCommunicationError',
  'GroundFailure',
  'HighTemperature',
  'InternalError',
  'LocalListConflict',
  'NoError',
  'OtherError',
  'OverCurrentFailure',
  'PowerMeterFailure',
  'PowerSwitchFailure',
  'ReaderFailure',
  'ResetFailure',
  'UnderVoltage',
  'OverVoltage',
  'WeakSignal',
] as const;
export type ChargePointErrorCode = (typeof CHARGE_POINT_ERROR_CODES)[number];

export const CHARGE_POINT_STATUSES = [
  'Available',
  'Preparing',
  'Charging',
  'SuspendedEVSE',
  'SuspendedEV',
  'Finishing',
  'Reserved',
  'Unavailable',
  'Faulted',
] as const;
export type ChargePointStatus = (typeof CHARGE_POINT_STATUSES)[number];

export const CHARGING_PROFILE_KIND_TYPES = ['Absolute', 'Recurring', 'Relative'] as const;
export type ChargingProfileKindType = (typeof CHARGING_PROFILE_KIND_TYPES)[number];

export const CHARGING_PROFILE_PURPOSE_TYPES = ['ChargePointMaxProfile', 'TxDefaultProfile', 'TxProfile'] as const;
export type ChargingProfilePurposeType = (typeof CHARGING_PROFILE_PURPOSE_TYPES)[number];

export const CHARGING_PROFILE_STATUSES = ['Accepted', 'Rejected', 'NotSupported'] as const;
export type ChargingProfileStatus = (typeof CHARGING_PROFILE_STATUSES)[number];

export const CHARGING_RATE_UNIT_TYPES = ['A', 'W'] as const;
export type ChargingRateUnitType = (typeof CHARGING_RATE_UNIT_TYPES)[number];

export const CLEAR_CACHE_STATUSES = ['Accepted', 'Rejected'] as const;
export type ClearCacheStatus = (typeof CLEAR_CACHE_STATUSES)[number];

export const CLEAR_CHARGING_PROFILE_STATUSES = ['Accepted', 'Unknown'] as const;
export type ClearChargingProfileStatus = (typeof CLEAR_CHARGING_PROFILE_STATUSES)[number];

export const CONFIGURATION_STATUSES = ['Accepted', 'Rejected', 'RebootRequired', 'NotSupported'] as const;
export type ConfigurationStatus = (typeof CONFIGURATION_STATUSES)[number];

export const DATA_TRANSFER_STATUSES = ['Accepted', 'Rejected', 'UnknownMessageId', 'UnknownVendorId'] as const;
export type DataTransferStatus = (typeof DATA_TRANSFER_STATUSES)[number];

export const DIAGNOSTICS_STATUSES = ['Idle', 'Uploaded', 'UploadFailed', 'Uploading'] as const;
export type DiagnosticsStatus = (typeof DIAGNOSTICS_STATUSES)[number];

export const FIRMWARE_STATUSES = [
  'Downloaded',
  'DownloadFailed',
  'Downloading',
  'Idle',
  'InstallationFailed',
  'Installing',
  'Installed',
] as const;
export type FirmwareStatus = (typeof FIRMWARE_STATUSES)[number];

export const GET_COMPOSITE_SCHEDULE_STATUSES = ['Accepted', 'Rejected'] as const;
export type GetCompositeScheduleStatus = (typeof GET_COMPOSITE_SCHEDULE_STATUSES)[number];

export const LOCATIONS = ['Cable', 'EV', 'Inlet', 'Outlet', 'Body'] as const;
export type Location = (typeof LOCATIONS)[number];

export const MEASURANDS = [
  'Energy.Active.Export.Register',
  'Energy.Active.Import.Register',
  'Energy.Reactive.Export.Register',
  'Energy.Reactive.Import.Register',
  'Energy.Active.Export.Interval',
  'Energy.Active.Import.Interval',
  'Energy.Reactive.Export.Interval',
  'Energy.Reactive.Import.Interval',
  'Power.Active.Export',
  'Power.Active.Import',
  'Power.Offered',
  'Power.Reactive.Export',
  'Power.Reactive.Import',
  'Power.Factor',
  'Current.Import',
  'Current.Export',
  'Current.Offered',
  'Voltage',
  'Frequency',
  'Temperature',
  'SoC',
  'RPM',
] as const;
export type Measurand = (typeof MEASURANDS)[number];

export const MESSAGE_TRIGGERS = [
  'BootNotification',
  'DiagnosticsStatusNotification',
  'FirmwareStatusNotification',
  'Heartbeat',
  'MeterValues',
  'StatusNotification',
] as const;
export type MessageTrigger = (typeof MESSAGE_TRIGGERS)[number];

/** ExtendedTriggerMessage (security whitepaper): MessageTriggerEnumType. */
export const EXTENDED_MESSAGE_TRIGGERS = [
  'BootNotification',
  'LogStatusNotification',
  'FirmwareStatusNotification',
  'Heartbeat',
  'MeterValues',
  'SignChargePointCertificate',
  'StatusNotification',
] as const;
export type ExtendedMessageTrigger = (typeof EXTENDED_MESSAGE_TRIGGERS)[number];

export const PHASES = ['L1', 'L2', 'L3', 'N', 'L1-N', 'L2-N', 'L3-N', 'L1-L2', 'L2-L3', 'L3-L1'] as const;
export type Phase = (typeof PHASES)[number];

export const READING_CONTEXTS = [
  'Interruption.Begin',
  'Interruption.End',
  'Sample.Clock',
  'Sample.Periodic',
  'Transaction.Begin',
  'Transaction.End',
  'Trigger',
  'Other',
] as const;
export type ReadingContext = (typeof READING_CONTEXTS)[number];

/** Why a transaction stopped. */
export const REASONS = [
  'EmergencyStop',
  'EVDisconnected',
  'HardReset',
  'Local',
  'Other',
  'PowerLoss',
  'Reboot',
  'Remote',
  'SoftReset',
  'UnlockCommand',
  'DeAuthorized',
] as const;
export type Reason = (typeof REASONS)[number];

export const RECURRENCY_KIND_TYPES = ['Daily', 'Weekly'] as const;
export type RecurrencyKindType = (typeof RECURRENCY_KIND_TYPES)[number];

export const REGISTRATION_STATUSES = ['Accepted', 'Pending', 'Rejected'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const REMOTE_START_STOP_STATUSES = ['Accepted', 'Rejected'] as const;
export type RemoteStartStopStatus = (typeof REMOTE_START_STOP_STATUSES)[number];

export const RESERVATION_STATUSES = ['Accepted', 'Faulted', 'Occupied', 'Rejected', 'Unavailable'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

export const RESET_STATUSES = ['Accepted', 'Rejected'] as const;
export type ResetStatus = (typeof RESET_STATUSES)[number];

export const RESET_TYPES = ['Hard', 'Soft'] as const;
export type ResetType = (typeof RESET_TYPES)[number];

export const TRIGGER_MESSAGE_STATUSES = ['Accepted', 'Rejected', 'NotImplemented'] as const;
export type TriggerMessageStatus = (typeof TRIGGER_MESSAGE_STATUSES)[number];

/** The schema accepts both "Celsius" and the misspelled "Celcius" that wallboxes send. */
export const UNITS_OF_MEASURE = [
  'Wh',
  'kWh',
  'varh',
  'kvarh',
  'W',
  'kW',
  'VA',
  'kVA',
  'var',
  'kvar',
  'A',
  'V',
  'K',
  'Celcius',
  'Celsius',
  'Fahrenheit',
  'Percent',
] as const;
export type UnitOfMeasure = (typeof UNITS_OF_MEASURE)[number];

export const UNLOCK_STATUSES = ['Unlocked', 'UnlockFailed', 'NotSupported'] as const;
export type UnlockStatus = (typeof UNLOCK_STATUSES)[number];

export const UPDATE_STATUSES = ['Accepted', 'Failed', 'NotSupported', 'VersionMismatch'] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];

export const UPDATE_TYPES = ['Differential', 'Full'] as const;
export type UpdateType = (typeof UPDATE_TYPES)[number];

export const VALUE_FORMATS = ['Raw', 'SignedData'] as const;
export type ValueFormat = (typeof VALUE_FORMATS)[number];

/** Security whitepaper: GetLog and LogStatusNotification. */
export const LOG_TYPES = ['DiagnosticsLog', 'SecurityLog'] as const;
export type LogType = (typeof LOG_TYPES)[number];

export const LOG_STATUSES = ['Accepted', 'Rejected', 'AcceptedCanceled'] as const;
export type LogStatus = (typeof LOG_STATUSES)[number];

export const UPLOAD_LOG_STATUSES = ['BadMessage', 'Idle', 'NotSupportedOperation', 'PermissionDenied', 'Uploaded', 'UploadFailure', 'Uploading'] as const;
export type UploadLogStatus = (typeof UPLOAD_LOG_STATUSES)[number];

/** Security whitepaper: SignedUpdateFirmware and SignedFirmwareStatusNotification. */
export const UPDATE_FIRMWARE_STATUSES = ['Accepted', 'Rejected', 'AcceptedCanceled', 'InvalidCertificate', 'RevokedCertificate'] as const;
export type UpdateFirmwareStatus = (typeof UPDATE_FIRMWARE_STATUSES)[number];

export const SIGNED_FIRMWARE_STATUSES = [
  'Downloaded',
  'DownloadFailed',
  'Downloading',
  'DownloadScheduled',
  'DownloadPaused',
  'Idle',
  'InstallationFailed',
  'Installing',
  'Installed',
  'InstallRebooting',
  'InstallScheduled',
  'InstallVerificationFailed',
  'InvalidSignature',
  'SignatureVerified',
] as const;
export type SignedFirmwareStatus = (typeof SIGNED_FIRMWARE_STATUSES)[number];

/** Security whitepaper (edition 3): the certificate messages' enumerations. */
export const CERTIFICATE_USES = ['CentralSystemRootCertificate', 'ManufacturerRootCertificate'] as const;
export type CertificateUse = (typeof CERTIFICATE_USES)[number];

export const HASH_ALGORITHMS = ['SHA256', 'SHA384', 'SHA512'] as const;
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number];

/** SignCertificate.conf (GenericStatusEnumType) and CertificateSigned.conf. */
export const GENERIC_STATUSES = ['Accepted', 'Rejected'] as const;
export type GenericStatus = (typeof GENERIC_STATUSES)[number];

export const INSTALL_CERTIFICATE_STATUSES = ['Accepted', 'Failed', 'Rejected'] as const;
export type InstallCertificateStatus = (typeof INSTALL_CERTIFICATE_STATUSES)[number];

export const GET_INSTALLED_CERTIFICATE_STATUSES = ['Accepted', 'NotFound'] as const;
export type GetInstalledCertificateStatus = (typeof GET_INSTALLED_CERTIFICATE_STATUSES)[number];

export const DELETE_CERTIFICATE_STATUSES = ['Accepted', 'Failed', 'NotFound'] as const;
export type DeleteCertificateStatus = (typeof DELETE_CERTIFICATE_STATUSES)[number];
