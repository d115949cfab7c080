/**
 * The few OCPP 1.6 shapes the simulator reads or writes itself. It speaks plain JSON on purpose:
 * it plays the other side of the wire and must not share the gateway's definitions.
 */
export type RegistrationStatus = 'Accepted' | 'Pending' | 'Rejected';

export type ChargePointStatus =
  | 'Available'
  | 'Preparing'
  | 'Charging'
  | 'SuspendedEVSE'
  | 'SuspendedEV'
  | 'Finishing'
  | 'Reserved'
  | 'Unavailable'
  | 'Faulted';

export type ChargePointErrorCode =
  | 'ConnectorLockFailure'
  | 'EVCommunicationError'
  | 'GroundFailure'
  | 'HighTemperature'
  | 'InternalError'
  | 'LocalListConflict'
  | 'NoError'
  | 'OtherError'
  | 'OverCurrentFailure'
  | 'PowerMeterFailure'
  | 'PowerSwitchFailure'
  | 'ReaderFailure'
  | 'ResetFailure'
  | 'UnderVoltage'
  | 'OverVoltage'
  | 'WeakSignal';

export type StopReason =
  | 'EmergencyStop'
  | 'EVDisconnected'
  | 'HardReset'
  | 'Local'
  | 'Other'
  | 'PowerLoss'
  | 'Reboot'
  | 'Remote'
  | 'SoftReset'
  | 'UnlockCommand'
  | 'DeAuthorized';

export type ReadingContext = 'Sample.Periodic' | 'Sample.Clock' | 'Trigger' | 'Transaction.Begin' | 'Transaction.End' | 'Other';

export interface BootNotificationConf {
  status: RegistrationStatus;
  currentTime: string;
  /** Seconds: the heartbeat interval when Accepted, the wait before the next boot otherwise. */
  interval: number;
}

export interface IdTagInfo {
  status: 'Accepted' | 'Blocked' | 'Expired' | 'Invalid' | 'ConcurrentTx';
  expiryDate?: string;
  parentIdTag?: string;
}

export interface AuthorizeConf {
  idTagInfo: IdTagInfo;
}

export interface StartTransactionConf {
  transactionId: number;
  idTagInfo: IdTagInfo;
}

export interface StopTransactionConf {
  idTagInfo?: IdTagInfo;
}

export interface HeartbeatConf {
  currentTime: string;
}
