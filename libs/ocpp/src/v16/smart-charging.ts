import {
  CHARGING_PROFILE_PURPOSE_TYPES,
  CHARGING_PROFILE_STATUSES,
  CHARGING_RATE_UNIT_TYPES,
  CLEAR_CHARGING_PROFILE_STATUSES,
  GET_COMPOSITE_SCHEDULE_STATUSES,
  type ChargingProfilePurposeType,
  type ChargingProfileStatus,
  type ChargingRateUnitType,
  type ClearChargingProfileStatus,
  type GetCompositeScheduleStatus,
} from './enums';
import { dateTime, integer, nested, oneOf, Optional, Required } from './fields';
import { ChargingProfile, ChargingSchedule } from './types';

/** Smart Charging profile. */

export class SetChargingProfileRequest {
  @Required(integer) connectorId: number;
  @Required(nested(() => ChargingProfile)) csChargingProfiles: ChargingProfile;
}

export class SetChargingProfileConfirmation {
  @Required(oneOf(CHARGING_PROFILE_STATUSES)) status: ChargingProfileStatus;
}

/** Every field narrows which profiles are cleared; none at all clears every profile. */
export class ClearChargingProfileRequest {
  @Optional(integer) id?: number;
  @Optional(integer) connectorId?: number;
  @Optional(oneOf(CHARGING_PROFILE_PURPOSE_TYPES)) chargingProfilePurpose?: ChargingProfilePurposeType;
  @Optional(integer) stackLevel?: number;
}

export class ClearChargingProfileConfirmation {
  @Required(oneOf(CLEAR_CHARGING_PROFILE_STATUSES)) status: ClearChargingProfileStatus;
}

export class GetCompositeScheduleRequest {
  @Required(integer) connectorId: number;
  /** Seconds. */
  @Required(integer) duration: number;
  @Optional(oneOf(CHARGING_RATE_UNIT_TYPES)) chargingRateUnit?: ChargingRateUnitType;
}

export class GetCompositeScheduleConfirmation {
  @Required(oneOf(GET_COMPOSITE_SCHEDULE_STATUSES)) status: GetCompositeScheduleStatus;
  @Optional(integer) connectorId?: number;
  @Optional(dateTime) scheduleStart?: string;
  @Optional(nested(() => ChargingSchedule)) chargingSchedule?: ChargingSchedule;
}
