import { ApiPropertyOptional } from '@nestjs/swagger';
import { RELAXATIONS, SECURITY_PROFILES, START_MODES, type Relaxation, type SecurityProfile, type StartMode } from '@voltstream/contracts';
import { Type } from 'class-transformer';
import type { ChargePointState } from '@voltstream/read-models';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { CHARGE_POINT_STATES } from './charge-point.view';

export class ListChargePointsQuery {
  @ApiPropertyOptional({ enum: CHARGE_POINT_STATES })
  @IsOptional()
  @IsIn(CHARGE_POINT_STATES)
  state?: ChargePointState;
}

/** PUT body: adopts the charge point, or changes the fields given; an absent field is kept. */
export class PutChargePointBody {
  @ApiPropertyOptional({ enum: START_MODES, description: 'DEFAULT_START_MODE when adopting without one' })
  @IsOptional()
  @IsIn(START_MODES)
  startMode?: StartMode;

  @ApiPropertyOptional({ type: String, nullable: true, minLength: 1, maxLength: 20, description: 'required for startMode auto' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  autoStartIdTag?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    minLength: 8,
    maxLength: 40,
    writeOnly: true,
    description: 'HTTP Basic password the wallbox must present; stored hashed, never returned; null removes it',
  })
  @IsOptional()
  @IsString()
  @Length(8, 40)
  password?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({
    enum: SECURITY_PROFILES,
    description: 'OCPP security profile (0 none, 1 Basic auth, 2 Basic auth over wss://, 3 client certificate); 1 and 2 need a password',
  })
  @IsOptional()
  @IsIn(SECURITY_PROFILES)
  securityProfile?: SecurityProfile;

  @ApiPropertyOptional({ enum: RELAXATIONS, isArray: true, description: 'OCPP quirks allowed to this wallbox; [] is strict' })
  @IsOptional()
  @IsArray()
  @IsIn(RELAXATIONS, { each: true })
  relaxations?: Relaxation[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: 50,
    description: 'vendor ids (1 to 255 characters) whose DataTransfer is answered Accepted; others get UnknownVendorId',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 255, { each: true })
  acceptedDataTransferVendors?: string[];
}

export class MeterValuesQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'from this time on (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'before this time (exclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 10000,
    default: 1000,
    description: 'at most this many, oldest first',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  limit?: number;
}
