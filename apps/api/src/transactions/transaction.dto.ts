import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsIdentity, IsInt32, IsListLimit, IsQueryBoolean } from '../infrastructure/params';

export const DEFAULT_PAGE_SIZE = 50;

export class ListTransactionsQuery {
  @ApiPropertyOptional({ description: 'identity of a charge point' })
  @IsOptional()
  @IsIdentity()
  chargePoint?: string;

  @ApiPropertyOptional({ description: 'true: only running transactions; false: only finished ones' })
  @IsOptional()
  @IsQueryBoolean()
  active?: boolean;

  @IsListLimit(DEFAULT_PAGE_SIZE)
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
