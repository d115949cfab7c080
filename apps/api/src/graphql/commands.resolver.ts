import { UseFilters } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandsService, type WallboxAnswer } from '../commands/commands.service';
import {
  ChangeAvailabilityArgs,
  ChangeConfigurationArgs,
  DataTransferArgs,
  GetConfigurationArgs,
  IdentityArgs,
  RemoteStartArgs,
  RemoteStopArgs,
  ResetArgs,
  RotatePasswordArgs,
  TriggerArgs,
  ExtendedTriggerArgs,
  RaiseSecurityProfileArgs,
  UnlockArgs,
} from './arguments';
import { plainProfile } from './charging-profile.input';
import { CommandStatusObject, ConfigurationObject, DataTransferAnswerObject, PasswordRotationObject, SecurityProfileRaiseObject } from './command.types';
import { GraphqlErrorFilter } from './graphql-errors';

/**
 * Commands to a wallbox, its answer relayed as it gave it (the schema's CommandStatus refuses one without a
 * status): CONFLICT when it is offline, GATEWAY_TIMEOUT when it does not answer in time.
 */
@UseFilters(GraphqlErrorFilter)
@Resolver()
export class CommandsResolver {
  constructor(private readonly commands: CommandsService) {}

  @Mutation(() => CommandStatusObject, { description: 'ChangeAvailability; connector 0 is the whole charge point' })
  changeAvailability(@Args() { identity, connectorId, available }: ChangeAvailabilityArgs): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'changeAvailability', connectorId, available });
  }

  @Mutation(() => CommandStatusObject, { description: 'RemoteStartTransaction' })
  remoteStart(@Args() { identity, idTag, connectorId, chargingProfile }: RemoteStartArgs): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'remoteStart', idTag, connectorId, chargingProfile: chargingProfile && plainProfile(chargingProfile) });
  }

  @Mutation(() => CommandStatusObject, { description: 'RemoteStopTransaction' })
  remoteStop(@Args() { identity, transactionId }: RemoteStopArgs): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'remoteStop', transactionId });
  }

  @Mutation(() => CommandStatusObject, { description: 'Reset' })
  reset(@Args() { identity, type }: ResetArgs): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'reset', resetType: type });
  }

  @Mutation(() => CommandStatusObject, { description: 'UnlockConnector' })
  unlock(@Args() { identity, connectorId }: UnlockArgs): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'unlock', connectorId });
  }

  @Mutation(() => CommandStatusObject, { description: 'TriggerMessage' })
  trigger(@Args() { identity, message, connectorId }: TriggerArgs): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'trigger', message, connectorId });
  }

  @Mutation(() => SecurityProfileRaiseObject, { description: 'TC_083: ChangeConfiguration SecurityProfile, only upward; enforced once the wallbox accepted' })
  raiseSecurityProfile(@Args() { identity, securityProfile }: RaiseSecurityProfileArgs): Promise<SecurityProfileRaiseObject> {
    return this.commands.raiseSecurityProfile(identity, securityProfile);
  }

  @Mutation(() => CommandStatusObject, { description: 'ExtendedTriggerMessage (security whitepaper): Accepted, Rejected or NotImplemented' })
  extendedTrigger(@Args() { identity, requestedMessage, connectorId }: ExtendedTriggerArgs): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'extendedTrigger', requestedMessage, connectorId });
  }

  @Mutation(() => CommandStatusObject, { description: 'ChangeConfiguration: Accepted, Rejected, RebootRequired or NotSupported' })
  changeConfiguration(@Args() { identity, key, value }: ChangeConfigurationArgs): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'changeConfiguration', key, value });
  }

  @Query(() => ConfigurationObject, { description: 'GetConfiguration, asked of the wallbox itself' })
  getConfiguration(@Args() { identity, key }: GetConfigurationArgs): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'getConfiguration', keys: key });
  }

  @Mutation(() => CommandStatusObject, { description: 'ClearCache: Accepted or Rejected' })
  clearCache(@Args() { identity }: IdentityArgs): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'clearCache' });
  }

  @Mutation(() => DataTransferAnswerObject, { description: 'DataTransfer sent by the operator' })
  dataTransfer(@Args() { identity, vendorId, messageId, data }: DataTransferArgs): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'dataTransfer', vendorId, messageId, data });
  }

  @Mutation(() => PasswordRotationObject, {
    description: 'Password rotation (TC_073): stored once the wallbox accepted it as AuthorizationKey; CONFLICT when it answered otherwise',
  })
  rotatePassword(@Args() { identity, ...body }: RotatePasswordArgs): Promise<PasswordRotationObject> {
    return this.commands.rotatePassword(identity, body);
  }
}
