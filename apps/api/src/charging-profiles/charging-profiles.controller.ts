import { Body, Delete, Get, HttpCode, HttpStatus, Param, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse } from '@nestjs/swagger';
import { WallboxCommandResponses } from '../commands/command-responses';
import { ChargePointController } from '../infrastructure/resource-routes';
import { CommandStatusView } from '../commands/command.view';
import type { WallboxAnswer } from '../commands/commands.service';
import { IdentityParams } from '../infrastructure/params';
import { ChargingProfilesQuery, ClearChargingProfileQuery, CompositeScheduleQuery, SetChargingProfileBody } from './charging-profile.dto';
import { ChargingProfileView, CompositeScheduleView } from './charging-profile.view';
import { ChargingProfilesService } from './charging-profiles.service';

@ChargePointController('smart charging')
@WallboxCommandResponses()
@ApiBadRequestResponse({ description: 'a field OCPP 1.6 does not allow, named; a connector the charge point does not have' })
export class ChargingProfilesController {
  constructor(private readonly profiles: ChargingProfilesService) {}

  @Put('charging-profiles')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CommandStatusView, description: 'SetChargingProfile: Accepted, Rejected or NotSupported' })
  set(@Param() { identity }: IdentityParams, @Body() { connectorId, csChargingProfiles }: SetChargingProfileBody): Promise<WallboxAnswer> {
    return this.profiles.send(identity, { type: 'setChargingProfile', connectorId, chargingProfile: csChargingProfiles });
  }

  @Delete('charging-profiles')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CommandStatusView, description: 'ClearChargingProfile: Accepted or Unknown' })
  clear(@Param() { identity }: IdentityParams, @Query() { id, connectorId, purpose, stackLevel }: ClearChargingProfileQuery): Promise<WallboxAnswer> {
    return this.profiles.send(identity, { type: 'clearChargingProfile', id, connectorId, purpose, stackLevel });
  }

  @Get('charging-profiles')
  @ApiOkResponse({ type: [ChargingProfileView], description: 'the profiles the charge point accepted, as the CSMS believes it holds them' })
  list(@Param() { identity }: IdentityParams, @Query() query: ChargingProfilesQuery): Promise<ChargingProfileView[]> {
    return this.profiles.list(identity, query);
  }

  @Get('composite-schedule')
  @ApiOkResponse({ type: CompositeScheduleView, description: 'GetCompositeSchedule: the schedule the charge point computed, as it answered' })
  compositeSchedule(@Param() { identity }: IdentityParams, @Query() { connectorId, duration, chargingRateUnit }: CompositeScheduleQuery): Promise<WallboxAnswer> {
    return this.profiles.send(identity, { type: 'getCompositeSchedule', connectorId, duration, chargingRateUnit });
  }
}
