import { ArgsType, Field, Int } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import type { ChargePointState } from '@voltstream/read-models';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CHARGE_POINT_STATES } from '../charge-points/charge-point.view';
import { ChargePointStateEnum } from '../graphql/enums';

export const DEFAULT_FLEET_PAGE = 50;

/** A page of the fleet, filtered in Postgres: the dashboard never loads 10,000 charge points at once. */
@ArgsType()
export class FleetQuery {
  @ApiPropertyOptional({ maxLength: 48, description: 'part of the identity, vendor or model (any case)' })
  @Field({ nullable: true, description: 'part of the identity, vendor or model (any case)' })
  @IsOptional()
  @IsString()
  @MaxLength(48)
  search?: string;

  @ApiPropertyOptional({ enum: CHARGE_POINT_STATES })
  @Field(() => ChargePointStateEnum, { nullable: true })
  @IsOptional()
  @IsIn(CHARGE_POINT_STATES)
  state?: ChargePointState;

  @ApiPropertyOptional({ description: 'true: only connected ones; false: only disconnected ones' })
  @Field({ nullable: true, description: 'true: only connected ones; false: only disconnected ones' })
  @IsOptional()
  @Transform(({ value }) => ({ true: true, false: false })[String(value)] ?? value)
  @IsBoolean()
  online?: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, default: 0, description: 'how many matches to skip (by identity)' })
  @Field(() => Int, { nullable: true, description: 'how many matches to skip (by identity); default 0' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: DEFAULT_FLEET_PAGE })
  @Field(() => Int, { nullable: true, description: '1 to 500, default 50' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
