import { Field, ObjectType } from '@nestjs/graphql';
import type { CommandStatusView, ConfigurationKeyView, ConfigurationView, DataTransferAnswerView, PasswordRotationView } from '../commands/command.view';

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

@ObjectType('PasswordRotation', { description: 'A password the wallbox accepted (ChangeConfiguration AuthorizationKey), now stored' })
export class PasswordRotationObject implements PasswordRotationView {
  @Field({ description: 'the new HTTP Basic password, shown this once' })
  password: string;

  @Field({ description: 'what the wallbox was sent: the hex of the password bytes' })
  authorizationKey: string;
}
