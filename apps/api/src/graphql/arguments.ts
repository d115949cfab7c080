import { applyDecorators, type Type } from '@nestjs/common';
import { ArgsType, Field, InputType, Int, IntersectionType } from '@nestjs/graphql';
import { Type as TransformTo } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { ListChargePointsQuery, MeterValuesQuery, PutChargePointBody } from '../charge-points/charge-point.dto';
import {
  AvailabilityBody,
  ChangeConfigurationBody,
  ConfigurationKeyParams,
  DataTransferBody,
  ExtendedTriggerBody,
  RaiseSecurityProfileBody,
  GetConfigurationQuery,
  RemoteStartBody,
  RemoteStopBody,
  ResetBody,
  TriggerBody,
  UnlockBody,
  RotatePasswordBody,
} from '../commands/command.dto';
import { ConnectorParams, IdentityParams, IdTagParams } from '../infrastructure/params';
import { PutTagBody } from '../tags/tag.dto';
import { ListDataTransfersQuery } from '../data-transfers/data-transfer.dto';
import { ListTransactionsQuery } from '../transactions/transaction.dto';
import { ChargingProfileInput } from './charging-profile.input';
import { ChargePointStateEnum, ExtendedTriggerMessageEnum, RelaxationEnum, ResetTypeEnum, StartModeEnum, TriggerMessageEnum } from './enums';

/*
 * The arguments of every query and mutation are the REST parameter and body classes with GraphQL
 * fields added: both transports validate with the same class-validator rules and messages.
 */

const IdentityField = () => Field({ description: 'charge point identity: 1 to 48 letters, digits and -_.:*' });
const IdTagField = () => Field({ description: 'id tag: 1 to 20 characters' });

/** An input object, validated field by field with the rules of the REST body it extends. */
function InputField(input: Type, { optional }: { optional: boolean }): PropertyDecorator {
  const decorators = [Field(() => input, { nullable: optional }), ValidateNested(), TransformTo(() => input)];
  return applyDecorators(...(optional ? [IsOptional(), ...decorators] : decorators));
}

@ArgsType()
export class IdentityArgs extends IdentityParams {
  @IdentityField()
  override identity: string;
}

@ArgsType()
export class ConnectorArgs extends ConnectorParams {
  @IdentityField()
  override identity: string;

  @Field(() => Int, { description: '1…; 0 stands for the charge point as a whole where OCPP allows it' })
  override connectorId: number;
}

@ArgsType()
export class IdTagArgs extends IdTagParams {
  @IdTagField()
  override idTag: string;
}

@ArgsType()
export class LocalTagArgs extends IntersectionType(IdentityArgs, IdTagArgs, ArgsType) {}

@ArgsType()
export class ChargePointsArgs extends ListChargePointsQuery {
  @Field(() => ChargePointStateEnum, { nullable: true })
  override state?: ListChargePointsQuery['state'];
}

@ArgsType()
export class TransactionsArgs extends ListTransactionsQuery {
  @Field({ nullable: true, description: 'identity of a charge point' })
  override chargePoint?: string;

  @Field({ nullable: true, description: 'true: only running transactions; false: only finished ones' })
  override active?: boolean;

  @Field(() => Int, { nullable: true, description: '1 to 500, default 50' })
  override limit?: number;

  @Field({ nullable: true, description: 'nextCursor of the previous page' })
  override cursor?: string;
}

@ArgsType()
class MeterValuesFields extends MeterValuesQuery {
  @Field({ nullable: true, description: 'ISO 8601, from this time on (inclusive)' })
  override from?: string;

  @Field({ nullable: true, description: 'ISO 8601, before this time (exclusive)' })
  override to?: string;

  @Field(() => Int, { nullable: true, description: 'at most this many, oldest first; default 1000' })
  override limit?: number;
}

@ArgsType()
export class MeterValuesArgs extends IntersectionType(ConnectorArgs, MeterValuesFields, ArgsType) {}

@InputType({ description: 'Adopts the charge point, or changes the fields given; an absent field is kept' })
export class ChargePointInput extends PutChargePointBody {
  @Field(() => StartModeEnum, { nullable: true, description: 'DEFAULT_START_MODE when adopting without one' })
  override startMode?: PutChargePointBody['startMode'];

  @Field(() => String, { nullable: true, description: 'required for startMode auto' })
  override autoStartIdTag?: string | null;

  @Field(() => String, { nullable: true, description: 'HTTP Basic password of the wallbox, 8 to 40 characters; null removes it' })
  override password?: string | null;

  @Field(() => String, { nullable: true })
  override description?: string | null;

  @Field(() => Int, { nullable: true, description: 'OCPP security profile 0 to 3; 1 and 2 need a password' })
  override securityProfile?: PutChargePointBody['securityProfile'];

  @Field(() => [RelaxationEnum], { nullable: true, description: 'OCPP quirks allowed to this wallbox; [] is strict' })
  override relaxations?: PutChargePointBody['relaxations'];

  @Field(() => [String], { nullable: true, description: 'vendor ids whose DataTransfer is answered Accepted; others get UnknownVendorId' })
  override acceptedDataTransferVendors?: string[];
}

@ArgsType()
export class AdoptChargePointArgs extends IdentityArgs {
  @InputField(ChargePointInput, { optional: true })
  input?: ChargePointInput;
}

@ArgsType()
export class UpdateChargePointArgs extends IdentityArgs {
  @InputField(ChargePointInput, { optional: false })
  input: ChargePointInput;
}

@InputType({ description: 'A tag entry; it replaces the entry, absent fields are empty' })
export class TagInput extends PutTagBody {
  @Field({ nullable: true })
  override firstName?: string;

  @Field({ nullable: true })
  override lastName?: string;

  @Field({ nullable: true })
  override email?: string;

  @Field({ nullable: true })
  override info?: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601; after it the tag answers Expired' })
  override expiresAt?: string | null;

  @Field({ nullable: true, description: 'a blocked tag answers Blocked' })
  override blocked?: boolean;

  @Field(() => String, { nullable: true })
  override parentIdTag?: string | null;
}

@ArgsType()
export class SaveTagArgs extends IdTagArgs {
  @InputField(TagInput, { optional: true })
  input?: TagInput;
}

@ArgsType()
export class SaveLocalTagArgs extends LocalTagArgs {
  @InputField(TagInput, { optional: true })
  input?: TagInput;
}

@ArgsType()
class AvailabilityFields extends AvailabilityBody {
  @Field({ description: 'true: Operative, false: Inoperative' })
  override available: boolean;
}

@ArgsType()
export class ChangeAvailabilityArgs extends IntersectionType(ConnectorArgs, AvailabilityFields, ArgsType) {}

@ArgsType()
class RemoteStartFields extends RemoteStartBody {
  @IdTagField()
  override idTag: string;

  @Field(() => Int, { nullable: true })
  override connectorId?: number;

  @Field(() => ChargingProfileInput, { nullable: true, description: 'a TxProfile without transactionId, for the transaction this start begins' })
  override chargingProfile?: ChargingProfileInput;
}

@ArgsType()
export class RemoteStartArgs extends IntersectionType(IdentityArgs, RemoteStartFields, ArgsType) {}

@ArgsType()
class RemoteStopFields extends RemoteStopBody {
  @Field(() => Int)
  override transactionId: number;
}

@ArgsType()
export class RemoteStopArgs extends IntersectionType(IdentityArgs, RemoteStopFields, ArgsType) {}

@ArgsType()
class ResetFields extends ResetBody {
  @Field(() => ResetTypeEnum)
  override type: ResetBody['type'];
}

@ArgsType()
export class ResetArgs extends IntersectionType(IdentityArgs, ResetFields, ArgsType) {}

@ArgsType()
class UnlockFields extends UnlockBody {
  @Field(() => Int)
  override connectorId: number;
}

@ArgsType()
export class UnlockArgs extends IntersectionType(IdentityArgs, UnlockFields, ArgsType) {}

@ArgsType()
class TriggerFields extends TriggerBody {
  @Field(() => TriggerMessageEnum)
  override message: TriggerBody['message'];

  @Field(() => Int, { nullable: true })
  override connectorId?: number;
}

@ArgsType()
export class TriggerArgs extends IntersectionType(IdentityArgs, TriggerFields, ArgsType) {}

@ArgsType()
class ExtendedTriggerFields extends ExtendedTriggerBody {
  @Field(() => ExtendedTriggerMessageEnum)
  override requestedMessage: ExtendedTriggerBody['requestedMessage'];

  @Field(() => Int, { nullable: true })
  override connectorId?: number;
}

@ArgsType()
export class ExtendedTriggerArgs extends IntersectionType(IdentityArgs, ExtendedTriggerFields, ArgsType) {}

@ArgsType()
class RaiseSecurityProfileFields extends RaiseSecurityProfileBody {
  @Field(() => Int, { description: 'the higher profile: 1 Basic auth, 2 Basic auth over wss://, 3 client certificate' })
  override securityProfile: RaiseSecurityProfileBody['securityProfile'];
}

@ArgsType()
export class RaiseSecurityProfileArgs extends IntersectionType(IdentityArgs, RaiseSecurityProfileFields, ArgsType) {}

@ArgsType()
class GetConfigurationFields extends GetConfigurationQuery {
  @Field(() => [String], { nullable: true, description: 'configuration keys; none asks for the whole configuration' })
  override key?: string[];
}

@ArgsType()
export class GetConfigurationArgs extends IntersectionType(IdentityArgs, GetConfigurationFields, ArgsType) {}

@ArgsType()
class ConfigurationKeyFields extends ConfigurationKeyParams {
  @IdentityField()
  override identity: string;

  @Field()
  override key: string;
}

@ArgsType()
class ChangeConfigurationFields extends ChangeConfigurationBody {
  @Field()
  override value: string;
}

@ArgsType()
export class ChangeConfigurationArgs extends IntersectionType(ConfigurationKeyFields, ChangeConfigurationFields, ArgsType) {}

@ArgsType()
class DataTransferFields extends DataTransferBody {
  @Field({ description: 'the vendor: 1 to 255 characters' })
  override vendorId: string;

  @Field(() => String, { nullable: true, description: 'at most 50 characters' })
  override messageId?: string;

  @Field(() => String, { nullable: true })
  override data?: string;
}

@ArgsType()
export class DataTransferArgs extends IntersectionType(IdentityArgs, DataTransferFields, ArgsType) {}

@ArgsType()
class DataTransfersFields extends ListDataTransfersQuery {
  @Field(() => Int, { nullable: true, description: '1 to 500, default 50' })
  override limit?: number;

  @Field({ nullable: true, description: 'nextCursor of the previous page' })
  override cursor?: string;
}

@ArgsType()
export class DataTransfersArgs extends IntersectionType(IdentityArgs, DataTransfersFields, ArgsType) {}

/** Paged as the DataTransfers are. */
@ArgsType()
export class SecurityEventsArgs extends DataTransfersArgs {}

@ArgsType()
class RotatePasswordFields extends RotatePasswordBody {
  @Field(() => String, { nullable: true, description: 'the new HTTP Basic password, 16 to 40 bytes; random when absent' })
  override password?: string;

  @Field(() => String, { nullable: true, description: 'instead of password: its bytes in hex, for a password of any 16 to 40 bytes' })
  override authorizationKey?: string;
}

@ArgsType()
export class RotatePasswordArgs extends IntersectionType(IdentityArgs, RotatePasswordFields, ArgsType) {}
