import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SecurityProfile } from '@voltstream/contracts';
import {
  EXTENDED_MESSAGE_TRIGGERS,
  MESSAGE_TRIGGERS,
  RESET_TYPES,
  type ChargingProfile,
  type ExtendedMessageTrigger,
  type MessageTrigger,
  type ResetType,
} from '@voltstream/ocpp';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsString, Length, Matches, MaxLength, ValidateBy } from 'class-validator';
import { IdentityParams, IsInt32 } from '../infrastructure/params';

export class AvailabilityBody {
  @ApiProperty({ description: 'true: Operative, false: Inoperative' })
  @IsBoolean()
  available: boolean;
}

export class RemoteStartBody {
  @ApiProperty({ minLength: 1, maxLength: 20 })
  @IsString()
  @Length(1, 20)
  idTag: string;

  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 1 })
  @IsOptional()
  @IsInt32(1)
  connectorId?: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'OCPP 1.6 ChargingProfile: a TxProfile without transactionId, for the transaction this start begins',
  })
  @IsOptional()
  @IsObject()
  chargingProfile?: ChargingProfile;
}

export class RemoteStopBody {
  @ApiProperty({ type: 'integer', format: 'int32' })
  @IsInt32()
  transactionId: number;
}

export class ResetBody {
  @ApiProperty({ enum: RESET_TYPES })
  @IsIn(RESET_TYPES)
  type: ResetType;
}

export class UnlockBody {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1 })
  @IsInt32(1)
  connectorId: number;
}

export class TriggerBody {
  @ApiProperty({ enum: MESSAGE_TRIGGERS })
  @IsIn(MESSAGE_TRIGGERS)
  message: MessageTrigger;

  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 1 })
  @IsOptional()
  @IsInt32(1)
  connectorId?: number;
}

/** ExtendedTriggerMessage (security whitepaper). */
export class ExtendedTriggerBody {
  @ApiProperty({ enum: EXTENDED_MESSAGE_TRIGGERS })
  @IsIn(EXTENDED_MESSAGE_TRIGGERS)
  requestedMessage: ExtendedMessageTrigger;

  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 1 })
  @IsOptional()
  @IsInt32(1)
  connectorId?: number;
}

/** `?key=A&key=B` or `?key=A,B`; no key asks for the whole configuration. */
export class GetConfigurationQuery {
  @ApiPropertyOptional({ type: [String], description: 'configuration keys (CiString50)' })
  @IsOptional()
  @Transform(({ value }) => [value].flat().flatMap((keys: unknown) => String(keys).split(',')).filter(Boolean))
  @IsArray()
  @ArrayMaxSize(100)
  @Length(1, 50, { each: true })
  key?: string[];
}

export class ConfigurationKeyParams extends IdentityParams {
  @ApiProperty({ minLength: 1, maxLength: 50 })
  @Length(1, 50)
  key: string;
}

export class ChangeConfigurationBody {
  @ApiProperty({ maxLength: 500 })
  @IsString()
  @MaxLength(500)
  value: string;
}

/** POST …/password: TC_073. Without a password, a random one is made. */
export class RotatePasswordBody {
  @ApiPropertyOptional({ minLength: 16, maxLength: 40, description: 'the new HTTP Basic password; random when absent' })
  @IsOptional()
  @IsString()
  @Length(16, 40)
  password?: string;

  @ApiPropertyOptional({ pattern: '^([0-9a-fA-F]{2}){16,40}$', description: 'instead of password: its bytes in hex, for a password of any 16 to 40 bytes (not necessarily text)' })
  @IsOptional()
  @Matches(/^(?:[0-9a-fA-F]{2}){16,40}$/, { message: 'authorizationKey must be the hex of 16 to 40 bytes' })
  @ValidateBy({
    name: 'notWithPassword',
    validator: { validate: (_, args) => (args?.object as RotatePasswordBody).password === undefined, defaultMessage: () => 'authorizationKey must not be given with password' },
  })
  authorizationKey?: string;
}

/** OCPP 1.6 DataTransfer.req: vendorId CiString255, messageId CiString50, data free text. */
export class DataTransferBody {
  @ApiProperty({ minLength: 1, maxLength: 255, description: 'the vendor, e.g. a reversed DNS name' })
  @IsString()
  @Length(1, 255)
  vendorId: string;

  @ApiPropertyOptional({ maxLength: 50 })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  messageId?: string;

  @ApiPropertyOptional({ description: 'free text, as the vendor defines it' })
  @IsOptional()
  @IsString()
  data?: string;
}

/** POST …/security-profile: TC_083, only upward. */
export class RaiseSecurityProfileBody {
  @ApiProperty({ enum: [1, 2, 3], description: 'the higher profile: 1 Basic auth, 2 Basic auth over wss://, 3 client certificate' })
  @IsIn([1, 2, 3], { message: 'securityProfile must be one of 1, 2, 3' })
  securityProfile: Exclude<SecurityProfile, 0>;
}
