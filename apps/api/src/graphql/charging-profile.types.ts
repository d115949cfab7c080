import { ArgsType, Field, Float, GraphQLISODateTime, Int, IntersectionType, ObjectType } from '@nestjs/graphql';
import {
  ChargingProfilesQuery,
  ClearChargingProfileQuery,
  CompositeScheduleQuery,
  SetChargingProfileBody,
} from '../charging-profiles/charging-profile.dto';
import type { ChargingProfileView } from '../charging-profiles/charging-profile.view';
import { IdentityArgs } from './arguments';

import { ChargingProfileInput } from './charging-profile.input';

/** Smart Charging's arguments (the REST query and body classes with GraphQL fields) and answers. */

@ArgsType()
class SetChargingProfileFields extends SetChargingProfileBody {
  @Field(() => Int, { description: '0: the charge point as a whole' })
  override connectorId: number;

  @Field(() => ChargingProfileInput)
  override csChargingProfiles: ChargingProfileInput;
}

@ArgsType()
export class SetChargingProfileArgs extends IntersectionType(IdentityArgs, SetChargingProfileFields, ArgsType) {}

@ArgsType()
class ClearChargingProfileFields extends ClearChargingProfileQuery {
  @Field(() => Int, { nullable: true })
  override id?: number;

  @Field(() => Int, { nullable: true })
  override connectorId?: number;

  @Field(() => String, { nullable: true, description: 'ChargePointMaxProfile, TxDefaultProfile or TxProfile' })
  override purpose?: ClearChargingProfileQuery['purpose'];

  @Field(() => Int, { nullable: true })
  override stackLevel?: number;
}

@ArgsType()
export class ClearChargingProfileArgs extends IntersectionType(IdentityArgs, ClearChargingProfileFields, ArgsType) {}

@ArgsType()
class CompositeScheduleFields extends CompositeScheduleQuery {
  @Field(() => Int)
  override connectorId: number;

  @Field(() => Int, { description: 'seconds from now' })
  override duration: number;

  @Field(() => String, { nullable: true, description: 'A or W' })
  override chargingRateUnit?: CompositeScheduleQuery['chargingRateUnit'];
}

@ArgsType()
export class CompositeScheduleArgs extends IntersectionType(IdentityArgs, CompositeScheduleFields, ArgsType) {}

@ArgsType()
class ChargingProfilesFields extends ChargingProfilesQuery {
  @Field(() => Int, { nullable: true })
  override connectorId?: number;

  @Field(() => String, { nullable: true })
  override purpose?: ChargingProfilesQuery['purpose'];
}

@ArgsType()
export class ChargingProfilesArgs extends IntersectionType(IdentityArgs, ChargingProfilesFields, ArgsType) {}

@ObjectType('ChargingSchedulePeriod')
export class ChargingSchedulePeriodObject {
  @Field(() => Int)
  startPeriod: number;

  @Field(() => Float)
  limit: number;

  @Field(() => Int, { nullable: true })
  numberPhases?: number;
}

@ObjectType('ChargingSchedule')
export class ChargingScheduleObject {
  @Field(() => Int, { nullable: true })
  duration?: number;

  @Field({ nullable: true })
  startSchedule?: string;

  @Field()
  chargingRateUnit: string;

  @Field(() => [ChargingSchedulePeriodObject])
  chargingSchedulePeriod: ChargingSchedulePeriodObject[];

  @Field(() => Float, { nullable: true })
  minChargingRate?: number;
}

@ObjectType('ChargingProfile', { description: 'OCPP 1.6 ChargingProfile' })
export class ChargingProfileObject {
  @Field(() => Int)
  chargingProfileId: number;

  @Field(() => Int, { nullable: true })
  transactionId?: number;

  @Field(() => Int)
  stackLevel: number;

  @Field()
  chargingProfilePurpose: string;

  @Field()
  chargingProfileKind: string;

  @Field({ nullable: true })
  recurrencyKind?: string;

  @Field({ nullable: true })
  validFrom?: string;

  @Field({ nullable: true })
  validTo?: string;

  @Field(() => ChargingScheduleObject)
  chargingSchedule: ChargingScheduleObject;
}

@ObjectType('InstalledChargingProfile', { description: 'A profile the charge point accepted: what the CSMS believes it holds' })
export class InstalledChargingProfileObject implements Omit<ChargingProfileView, 'profile'> {
  @Field(() => Int, { description: '0: the charge point as a whole, or a remote start that named no connector' })
  connectorId: number;

  @Field(() => Int)
  chargingProfileId: number;

  @Field(() => Int)
  stackLevel: number;

  @Field()
  purpose: string;

  @Field(() => Int, { nullable: true })
  transactionId: number | null;

  @Field(() => String, { nullable: true, description: 'a remote start TxProfile waiting for its transaction: the tag of that start' })
  awaitingRemoteStartIdTag: string | null;

  @Field(() => ChargingProfileObject)
  profile: ChargingProfileObject;

  @Field(() => GraphQLISODateTime)
  installedAt: Date;
}

@ObjectType('CompositeSchedule', { description: 'GetCompositeSchedule, as the charge point answered' })
export class CompositeScheduleObject {
  @Field({ description: 'Accepted or Rejected' })
  status: string;

  @Field(() => Int, { nullable: true })
  connectorId?: number;

  @Field({ nullable: true })
  scheduleStart?: string;

  @Field(() => ChargingScheduleObject, { nullable: true })
  chargingSchedule?: ChargingScheduleObject;
}

@ObjectType('ChargingProfilesChange', { description: 'Every profile a charge point holds (what the CSMS believes it installed) after a change' })
export class ChargingProfilesChangeObject {
  @Field()
  chargePointIdentity: string;

  @Field(() => [InstalledChargingProfileObject], { description: 'per connector and purpose, the highest stack level first; empty once all are cleared' })
  profiles: InstalledChargingProfileObject[];
}
