import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsIdentity, IsInt32 } from '../infrastructure/params';

export const DEFAULT_PAGE_SIZE = 50;

/** A page of a list, newest first: its size, and where the previous page ended. */
export class PageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export class ListTransactionsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'identity of a charge point' })
  @IsOptional()
  @IsIdentity()
  chargePoint?: string;

  @ApiPropertyOptional({ description: 'true: only running transactions; false: only finished ones' })
  @IsOptional()
  @Transform(({ value }) => ({ true: true, false: false })[String(value)] ?? value)
  @IsBoolean()
  active?: boolean;
}

export class TransactionParams {
  @ApiProperty({ type: 'integer', format: 'int32' })
  @Type(() => Number)
  @IsInt32()
  id: number;
}
