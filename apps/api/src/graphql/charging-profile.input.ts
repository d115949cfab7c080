import { Field, Float, InputType, Int } from '@nestjs/graphql';
import type { ChargingProfile, ChargingSchedule, ChargingSchedulePeriod } from '@voltstream/ocpp';

/*
 * OCPP 1.6 ChargingProfile as a GraphQL input. It is checked as the REST body is, against the
 * schema and the rules of OCPP 1.6 (chargingProfileFailure): enumerations are strings here, and a
 * wrong one is refused naming the field.
 */

@InputType('ChargingSchedulePeriodInput')
export class ChargingSchedulePeriodInput implements ChargingSchedulePeriod {
  @Field(() => Int, { description: 'seconds from the start of the schedule' })
  startPeriod: number;

  @Field(() => Float, { description: 'in the chargingRateUnit, at most one decimal' })
  limit: number;

  @Field(() => Int, { nullable: true, description: '1 to 3' })
  numberPhases?: number;
}

@InputType('ChargingScheduleInput')
export class ChargingScheduleInput implements ChargingSchedule {
  @Field(() => Int, { nullable: true, description: 'seconds' })
  duration?: number;

  @Field({ nullable: true, description: 'RFC 3339 date-time; required for Absolute and Recurring, absent for Relative' })
  startSchedule?: string;

  @Field(() => String, { description: 'A or W' })
  chargingRateUnit: ChargingSchedule['chargingRateUnit'];

  @Field(() => [ChargingSchedulePeriodInput], { description: 'the first starts at 0; each later one after the one before it' })
  chargingSchedulePeriod: ChargingSchedulePeriodInput[];

  @Field(() => Float, { nullable: true })
  minChargingRate?: number;
}

@InputType('ChargingProfileInput')
export class ChargingProfileInput implements ChargingProfile {
  @Field(() => Int)
  chargingProfileId: number;

  @Field(() => Int, { nullable: true, description: 'a TxProfile: the transaction running on the connector' })
  transactionId?: number;

  @Field(() => Int)
  stackLevel: number;

  @Field(() => String, { description: 'ChargePointMaxProfile, TxDefaultProfile or TxProfile' })
  chargingProfilePurpose: ChargingProfile['chargingProfilePurpose'];

  @Field(() => String, { description: 'Absolute, Recurring or Relative' })
  chargingProfileKind: ChargingProfile['chargingProfileKind'];

  @Field(() => String, { nullable: true, description: 'Daily or Weekly, for a Recurring profile' })
  recurrencyKind?: ChargingProfile['recurrencyKind'];

  @Field({ nullable: true })
  validFrom?: string;

  @Field({ nullable: true })
  validTo?: string;

  @Field(() => ChargingScheduleInput)
  chargingSchedule: ChargingScheduleInput;
}

/** A GraphQL input as plain JSON, what the OCPP validation and the wallbox get: null, GraphQL's absent, is left out. */
export function plainProfile(input: ChargingProfile): ChargingProfile {
  return JSON.parse(JSON.stringify(input, (_key, value: unknown) => (value === null ? undefined : value))) as ChargingProfile;
}
