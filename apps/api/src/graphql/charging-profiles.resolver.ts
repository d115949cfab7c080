import { UseFilters } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ChargingProfilesService } from '../charging-profiles/charging-profiles.service';
import type { ChargingProfileView } from '../charging-profiles/charging-profile.view';
import type { WallboxAnswer } from '../commands/commands.service';
import {
  ChargingProfilesArgs,
  ClearChargingProfileArgs,
  CompositeScheduleArgs,
  CompositeScheduleObject,
  InstalledChargingProfileObject,
  SetChargingProfileArgs,
} from './charging-profile.types';
import { plainProfile } from './charging-profile.input';
import { CommandStatusObject } from './command.types';
import { GraphqlErrorFilter } from './graphql-errors';

/** Smart Charging (SPEC §9): the same service as the REST routes, the wallbox's answer relayed as it gave it. */
@UseFilters(GraphqlErrorFilter)
@Resolver()
export class ChargingProfilesResolver {
  constructor(private readonly profiles: ChargingProfilesService) {}

  @Mutation(() => CommandStatusObject, { description: 'SetChargingProfile: Accepted, Rejected or NotSupported' })
  setChargingProfile(@Args() { identity, connectorId, csChargingProfiles }: SetChargingProfileArgs): Promise<WallboxAnswer> {
    return this.profiles.send(identity, { type: 'setChargingProfile', connectorId, chargingProfile: plainProfile(csChargingProfiles) });
  }

  @Mutation(() => CommandStatusObject, { description: 'ClearChargingProfile: by id, else every profile matching all the criteria given; Accepted or Unknown' })
  clearChargingProfile(@Args() { identity, id, connectorId, purpose, stackLevel }: ClearChargingProfileArgs): Promise<WallboxAnswer> {
    return this.profiles.send(identity, { type: 'clearChargingProfile', id, connectorId, purpose, stackLevel });
  }

  @Query(() => CompositeScheduleObject, { description: 'GetCompositeSchedule, asked of the wallbox itself' })
  compositeSchedule(@Args() { identity, connectorId, duration, chargingRateUnit }: CompositeScheduleArgs): Promise<WallboxAnswer> {
    return this.profiles.send(identity, { type: 'getCompositeSchedule', connectorId, duration, chargingRateUnit });
  }

  @Query(() => [InstalledChargingProfileObject], { description: 'The profiles the charge point accepted' })
  chargingProfiles(@Args() { identity, connectorId, purpose }: ChargingProfilesArgs): Promise<ChargingProfileView[]> {
    return this.profiles.list(identity, { connectorId, purpose });
  }
}
