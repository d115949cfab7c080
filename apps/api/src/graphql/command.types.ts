import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { CommandStatusView, ConfigurationKeyView, ConfigurationView, DataTransferAnswerView, PasswordRotationView, SecurityProfileRaiseView } from '../commands/command.view';

@ObjectType('CommandStatus', { description: "The charge point's own answer, relayed as it gave it" })
export class CommandStatusObject implements CommandStatusView {
  @Field({ description: 'e.g. Accepted, Rejected, Scheduled; Unlocked, UnlockFailed, NotSupported' })
  status: string;
}

@ObjectType('ConfigurationKey')
export class ConfigurationKeyObject implements ConfigurationKeyView {
  @Field()
  key: string;

  @Field()
  readonly: boolean;

  @Field(() => String, { nullable: true })
  value?: string;
}

@ObjectType('Configuration')
export class ConfigurationObject implements ConfigurationView {
  @Field(() => [ConfigurationKeyObject], { nullable: true })
  configurationKey?: ConfigurationKeyObject[];

  @Field(() => [String], { nullable: true })
  unknownKey?: string[];
}

@ObjectType('DataTransferAnswer', { description: "DataTransfer.conf, relayed as the charge point gave it" })
export class DataTransferAnswerObject implements DataTransferAnswerView {
  @Field({ description: 'Accepted, Rejected, UnknownMessageId or UnknownVendorId' })
  status: string;

  @Field(() => String, { nullable: true })
  data?: string;
}

@ObjectType('SecurityProfileRaise', { description: 'TC_083: the profile the wallbox accepted, enforced from now on, and the one before' })
export class SecurityProfileRaiseObject implements SecurityProfileRaiseView {
  @Field(() => Int)
  previousSecurityProfile: number;

  @Field(() => Int)
  securityProfile: number;
}

@ObjectType('PasswordRotation', { description: 'A password the wallbox accepted (ChangeConfiguration AuthorizationKey), now stored' })
export class PasswordRotationObject implements PasswordRotationView {
  @Field(() => String, { nullable: true, description: 'the new HTTP Basic password, shown this once; null when its bytes are not UTF-8 text (see authorizationKey)' })
  password: string | null;

  @Field({ description: 'what the wallbox was sent: the hex of the password bytes' })
  authorizationKey: string;
}
