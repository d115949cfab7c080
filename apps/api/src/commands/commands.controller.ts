import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ConnectorParams, IdentityParams } from '../infrastructure/params';
import {
  AvailabilityBody,
  ChangeConfigurationBody,
  ConfigurationKeyParams,
  DataTransferBody,
  ExtendedTriggerBody,
  GetConfigurationQuery,
  RaiseSecurityProfileBody,
  RemoteStartBody,
  RemoteStopBody,
  ResetBody,
  RotatePasswordBody,
  TriggerBody,
  UnlockBody,
} from './command.dto';
import { ApiWallboxCommandResponses } from './command-responses';
import { CommandStatusView, ConfigurationView, DataTransferAnswerView, PasswordRotationView, SecurityProfileRaiseView } from './command.view';
import { CommandsService, type WallboxAnswer } from './commands.service';

@ApiTags('commands')
@ApiWallboxCommandResponses()
@Controller('charge-points/:identity')
export class CommandsController {
  constructor(private readonly commands: CommandsService) {}

  @Post('connectors/:connectorId/availability')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CommandStatusView, description: 'ChangeAvailability: Accepted, Rejected or Scheduled' })
  availability(
    @Param() { identity, connectorId }: ConnectorParams,
    @Body() { available }: AvailabilityBody,
  ): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'changeAvailability', connectorId, available });
  }

  @Post('password')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: PasswordRotationView, description: 'the wallbox accepted the new password (shown this once); the previous one works until it reconnects' })
  rotatePassword(@Param() { identity }: IdentityParams, @Body() body: RotatePasswordBody): Promise<PasswordRotationView> {
    return this.commands.rotatePassword(identity, body);
  }

  @Post('security-profile')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SecurityProfileRaiseView, description: 'the wallbox accepted ChangeConfiguration SecurityProfile: the higher profile is enforced from now on' })
  @ApiConflictResponse({ description: 'not higher than the profile in force, or the wallbox rejected it (its profile stays)' })
  raiseSecurityProfile(@Param() { identity }: IdentityParams, @Body() { securityProfile }: RaiseSecurityProfileBody): Promise<SecurityProfileRaiseView> {
    return this.commands.raiseSecurityProfile(identity, securityProfile);
  }

  @Post('remote-start')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CommandStatusView })
  remoteStart(
    @Param() { identity }: IdentityParams,
    @Body() { idTag, connectorId, chargingProfile }: RemoteStartBody,
  ): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'remoteStart', idTag, connectorId, chargingProfile });
  }

  @Post('remote-stop')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CommandStatusView })
  remoteStop(@Param() { identity }: IdentityParams, @Body() { transactionId }: RemoteStopBody): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'remoteStop', transactionId });
  }

  @Post('reset')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CommandStatusView })
  reset(@Param() { identity }: IdentityParams, @Body() { type }: ResetBody): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'reset', resetType: type });
  }

  @Post('unlock')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CommandStatusView })
  unlock(@Param() { identity }: IdentityParams, @Body() { connectorId }: UnlockBody): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'unlock', connectorId });
  }

  @Post('trigger')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CommandStatusView })
  trigger(
    @Param() { identity }: IdentityParams,
    @Body() { message, connectorId }: TriggerBody,
  ): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'trigger', message, connectorId });
  }

  @Post('extended-trigger')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CommandStatusView, description: 'ExtendedTriggerMessage: Accepted, Rejected or NotImplemented' })
  extendedTrigger(@Param() { identity }: IdentityParams, @Body() { requestedMessage, connectorId }: ExtendedTriggerBody): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'extendedTrigger', requestedMessage, connectorId });
  }

  @Get('configuration')
  @ApiOkResponse({ type: ConfigurationView })
  configuration(
    @Param() { identity }: IdentityParams,
    @Query() { key }: GetConfigurationQuery,
  ): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'getConfiguration', keys: key });
  }

  @Put('configuration/:key')
  @ApiOkResponse({ type: CommandStatusView, description: 'Accepted, Rejected, RebootRequired or NotSupported' })
  changeConfiguration(
    @Param() { identity, key }: ConfigurationKeyParams,
    @Body() { value }: ChangeConfigurationBody,
  ): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'changeConfiguration', key, value });
  }

  @Post('clear-cache')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CommandStatusView, description: 'ClearCache: Accepted or Rejected' })
  clearCache(@Param() { identity }: IdentityParams): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'clearCache' });
  }

  @Post('data-transfer')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: DataTransferAnswerView })
  dataTransfer(
    @Param() { identity }: IdentityParams,
    @Body() { vendorId, messageId, data }: DataTransferBody,
  ): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'dataTransfer', vendorId, messageId, data });
  }
}
