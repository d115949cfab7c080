import {
  AVAILABILITY_STATUSES,
  AVAILABILITY_TYPES,
  CLEAR_CACHE_STATUSES,
  CONFIGURATION_STATUSES,
  REMOTE_START_STOP_STATUSES,
  RESET_STATUSES,
  RESET_TYPES,
  UNLOCK_STATUSES,
  type AvailabilityStatus,
  type AvailabilityType,
  type ClearCacheStatus,
  type ConfigurationStatus,
  type RemoteStartStopStatus,
  type ResetStatus,
  type ResetType,
  type UnlockStatus,
} from './enums';
import { boolean, ciString, ciStringList, integer, nested, nestedList, oneOf, Optional, Required } from './fields';
import { ChargingProfile, ID_TOKEN } from './types';

/** Core profile, operations initiated by the central system (OCPP 1.6 §5). */

export class ChangeAvailabilityRequest {
  /** 0 stands for the charge point as a whole. */
  @Required(integer) connectorId: number;
  @Required(oneOf(AVAILABILITY_TYPES)) type: AvailabilityType;
}

export class ChangeAvailabilityConfirmation {
  @Required(oneOf(AVAILABILITY_STATUSES)) status: AvailabilityStatus;
}

export class ChangeConfigurationRequest {
  @Required(ciString(50)) key: string;
  @Required(ciString(500)) value: string;
}

export class ChangeConfigurationConfirmation {
  @Required(oneOf(CONFIGURATION_STATUSES)) status: ConfigurationStatus;
}

export class ClearCacheRequest {}

export class ClearCacheConfirmation {
  @Required(oneOf(CLEAR_CACHE_STATUSES)) status: ClearCacheStatus;
}

export class GetConfigurationRequest {
  /** Absent: every key. */
  @Optional(ciStringList(50)) key?: string[];
}

export class KeyValue {
  @Required(ciString(50)) key: string;
  @Required(boolean) readonly: boolean;
  @Optional(ciString(500)) value?: string;
}

export class GetConfigurationConfirmation {
  @Optional(nestedList(() => KeyValue)) configurationKey?: KeyValue[];
  @Optional(ciStringList(50)) unknownKey?: string[];
}

export class RemoteStartTransactionRequest {
  @Optional(integer) connectorId?: number;
  @Required(ID_TOKEN) idTag: string;
  @Optional(nested(() => ChargingProfile)) chargingProfile?: ChargingProfile;
}

export class RemoteStartTransactionConfirmation {
  @Required(oneOf(REMOTE_START_STOP_STATUSES)) status: RemoteStartStopStatus;
}

export class RemoteStopTransactionRequest {
  @Required(integer) transactionId: number;
}

export class RemoteStopTransactionConfirmation {
  @Required(oneOf(REMOTE_START_STOP_STATUSES)) status: RemoteStartStopStatus;
}

export class ResetRequest {
  @Required(oneOf(RESET_TYPES)) type: ResetType;
}

export class ResetConfirmation {
  @Required(oneOf(RESET_STATUSES)) status: ResetStatus;
}

export class UnlockConnectorRequest {
  @Required(integer) connectorId: number;
}

export class UnlockConnectorConfirmation {
  @Required(oneOf(UNLOCK_STATUSES)) status: UnlockStatus;
}
