import { Body, Get, Param, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse } from '@nestjs/swagger';
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
import { CommandPost, WallboxCommandResponses } from './command-responses';
import { ChargePointController } from '../infrastructure/resource-routes';
import { CommandStatusView, ConfigurationView, DataTransferAnswerView, PasswordRotationView, SecurityProfileRaiseView } from './command.view';
import { CommandsService, type WallboxAnswer } from './commands.service';

@ChargePointController('commands')
@WallboxCommandResponses()
export class CommandsController {
  constructor(private readonly commands: CommandsService) {}

  @CommandPost('connectors/:connectorId/availability', { type: CommandStatusView, description: 'ChangeAvailability: Accepted, Rejected or Scheduled' })
  availability(
    @Param() { identity, connectorId }: ConnectorParams,
    @Body() { available }: AvailabilityBody,
  ): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'changeAvailability', connectorId, available });
  }

  @CommandPost('password', { type: PasswordRotationView, description: 'the wallbox accepted the new password (shown this once); the previous one works until it reconnects' })
  rotatePassword(@Param() { identity }: IdentityParams, @Body() body: RotatePasswordBody): Promise<PasswordRotationView> {
    return this.commands.rotatePassword(identity, body);
  }

  @CommandPost('security-profile', { type: SecurityProfileRaiseView, description: 'the wallbox accepted ChangeConfiguration SecurityProfile: the higher profile is enforced from now on' })
  @ApiConflictResponse({ description: 'not higher than the profile in force, or the wallbox rejected it (its profile stays)' })
  raiseSecurityProfile(@Param() { identity }: IdentityParams, @Body() { securityProfile }: RaiseSecurityProfileBody): Promise<SecurityProfileRaiseView> {
    return this.commands.raiseSecurityProfile(identity, securityProfile);
  }

  @CommandPost('remote-start', { type: CommandStatusView })
  remoteStart(
    @Param() { identity }: IdentityParams,
    @Body() { idTag, connectorId, chargingProfile }: RemoteStartBody,
  ): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'remoteStart', idTag, connectorId, chargingProfile });
  }

  @CommandPost('remote-stop', { type: CommandStatusView })
  remoteStop(@Param() { identity }: IdentityParams, @Body() { transactionId }: RemoteStopBody): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'remoteStop', transactionId });
  }

  @CommandPost('reset', { type: CommandStatusView })
  reset(@Param() { identity }: IdentityParams, @Body() { type }: ResetBody): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'reset', resetType: type });
  }

  @CommandPost('unlock', { type: CommandStatusView })
  unlock(@Param() { identity }: IdentityParams, @Body() { connectorId }: UnlockBody): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'unlock', connectorId });
  }

  @CommandPost('trigger', { type: CommandStatusView })
  trigger(
    @Param() { identity }: IdentityParams,
    @Body() { message, connectorId }: TriggerBody,
  ): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'trigger', message, connectorId });
  }

  @CommandPost('extended-trigger', { type: CommandStatusView, description: 'ExtendedTriggerMessage: Accepted, Rejected or NotImplemented' })
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

  @CommandPost('clear-cache', { type: CommandStatusView, description: 'ClearCache: Accepted or Rejected' })
  clearCache(@Param() { identity }: IdentityParams): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'clearCache' });
  }

  @CommandPost('data-transfer', { type: DataTransferAnswerView })
  dataTransfer(
    @Param() { identity }: IdentityParams,
    @Body() { vendorId, messageId, data }: DataTransferBody,
  ): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'dataTransfer', vendorId, messageId, data });
  }
}
