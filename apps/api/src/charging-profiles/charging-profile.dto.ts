import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { CHARGING_PROFILE_PURPOSE_TYPES, CHARGING_RATE_UNIT_TYPES, type ChargingProfile, type ChargingProfilePurposeType, type ChargingRateUnitType } from '@voltstream/ocpp';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional } from 'class-validator';
import { INT32_MAX, IsInt32 } from '../infrastructure/params';

/** SetChargingProfile.req as OCPP 1.6 has it; the profile is checked against the schema and the rules of OCPP 1.6 (chargingProfileFailure). */
export class SetChargingProfileBody {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, description: '0: the charge point as a whole (ChargePointMaxProfile, a TxDefaultProfile for every connector)' })
  @IsInt32(0)
  connectorId: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'OCPP 1.6 ChargingProfile: chargingProfileId, transactionId (TxProfile), stackLevel, chargingProfilePurpose, chargingProfileKind, recurrencyKind, validFrom, validTo, chargingSchedule',
  })
  @IsObject()
  csChargingProfiles: ChargingProfile;
}

/** ClearChargingProfile.req: an id clears that profile; otherwise every profile matching all the criteria given (none: every profile). */
export class ClearChargingProfileQuery {
  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt32(0)
  id?: number;

  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt32(0)
  connectorId?: number;

  @ApiPropertyOptional({ enum: CHARGING_PROFILE_PURPOSE_TYPES })
  @IsOptional()
  @IsIn(CHARGING_PROFILE_PURPOSE_TYPES)
  purpose?: ChargingProfilePurposeType;

  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt32(0)
  stackLevel?: number;
}

export class CompositeScheduleQuery {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, description: '0: the charge point as a whole' })
  @Type(() => Number)
  @IsInt32(0)
  connectorId: number;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: INT32_MAX, description: 'seconds from now' })
  @Type(() => Number)
  @IsInt32(1)
  duration: number;

  @ApiPropertyOptional({ enum: CHARGING_RATE_UNIT_TYPES })
  @IsOptional()
  @IsIn(CHARGING_RATE_UNIT_TYPES)
  chargingRateUnit?: ChargingRateUnitType;
}

/** The installed profiles of one connector, or of one purpose. */
export class ChargingProfilesQuery extends PickType(ClearChargingProfileQuery, ['connectorId', 'purpose']) {}
