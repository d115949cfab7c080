import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ChargePointFilter, IsInt32, IsPageLimit, IsQueryBoolean } from '../infrastructure/params';

export class ListTransactionsQuery {
  @ChargePointFilter()
  chargePoint?: string;

  @ApiPropertyOptional({ description: 'true: only running transactions; false: only finished ones' })
  @IsOptional()
  @IsQueryBoolean()
  active?: boolean;

  @IsPageLimit()
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export class TransactionParams {
  @ApiProperty({ type: 'integer', format: 'int32' })
  @Type(() => Number)
  @IsInt32()
  id: number;
}
