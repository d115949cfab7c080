import {
  AUTHORIZATION_STATUSES,
  CHARGING_PROFILE_KIND_TYPES,
  CHARGING_PROFILE_PURPOSE_TYPES,
  CHARGING_RATE_UNIT_TYPES,
  LOCATIONS,
  MEASURANDS,
  PHASES,
  READING_CONTEXTS,
  RECURRENCY_KIND_TYPES,
  UNITS_OF_MEASURE,
  VALUE_FORMATS,
  type AuthorizationStatus,
  type ChargingProfileKindType,
  type ChargingProfilePurposeType,
  type ChargingRateUnitType,
  type Location,
  type Measurand,
  type Phase,
  type ReadingContext,
  type RecurrencyKindType,
  type UnitOfMeasure,
  type ValueFormat,
} from './enums';
import { ciString, dateTime, decimalTenths, integer, nested, nestedList, oneOf, Optional, Required, text } from './fields';

/** The composite types of OCPP 1.6 (specification §7) used by more than one message. */

/** IdToken: CiString20Type. */
export const ID_TOKEN = ciString(20);

export class IdTagInfo {
  @Optional(dateTime) expiryDate?: string;
  @Optional(ID_TOKEN) parentIdTag?: string;
  @Required(oneOf(AUTHORIZATION_STATUSES)) status: AuthorizationStatus;
}

export class SampledValue {
  /** The reading, a decimal as text (or signed data when `format` is SignedData). */
  @Required(text) value: string;
  @Optional(oneOf(READING_CONTEXTS)) context?: ReadingContext;
  @Optional(oneOf(VALUE_FORMATS)) format?: ValueFormat;
  @Optional(oneOf(MEASURANDS)) measurand?: Measurand;
  @Optional(oneOf(PHASES)) phase?: Phase;
  @Optional(oneOf(LOCATIONS)) location?: Location;
  @Optional(oneOf(UNITS_OF_MEASURE)) unit?: UnitOfMeasure;
}

export class MeterValue {
  @Required(dateTime) timestamp: string;
  @Required(nestedList(() => SampledValue)) sampledValue: SampledValue[];
}

export class ChargingSchedulePeriod {
  @Required(integer) startPeriod: number;
  @Required(decimalTenths) limit: number;
  @Optional(integer) numberPhases?: number;
}

export class ChargingSchedule {
  @Optional(integer) duration?: number;
  @Optional(dateTime) startSchedule?: string;
  @Required(oneOf(CHARGING_RATE_UNIT_TYPES)) chargingRateUnit: ChargingRateUnitType;
  @Required(nestedList(() => ChargingSchedulePeriod)) chargingSchedulePeriod: ChargingSchedulePeriod[];
  @Optional(decimalTenths) minChargingRate?: number;
}

export class ChargingProfile {
  @Required(integer) chargingProfileId: number;
  @Optional(integer) transactionId?: number;
  @Required(integer) stackLevel: number;
  @Required(oneOf(CHARGING_PROFILE_PURPOSE_TYPES)) chargingProfilePurpose: ChargingProfilePurposeType;
  @Required(oneOf(CHARGING_PROFILE_KIND_TYPES)) chargingProfileKind: ChargingProfileKindType;
  @Optional(oneOf(RECURRENCY_KIND_TYPES)) recurrencyKind?: RecurrencyKindType;
  @Optional(dateTime) validFrom?: string;
  @Optional(dateTime) validTo?: string;
  @Required(nested(() => ChargingSchedule)) chargingSchedule: ChargingSchedule;
}
