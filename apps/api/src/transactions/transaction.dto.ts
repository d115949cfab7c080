import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsIdentity, IsInt32, IsPageLimit } from '../infrastructure/params';

export class ListTransactionsQuery {
  @ApiPropertyOptional({ description: 'identity of a charge point' })
  @IsOptional()
  @IsIdentity()
  chargePoint?: string;

  @ApiPropertyOptional({ description: 'true: only running transactions; false: only finished ones' })
  @IsOptional()
  @Transform(({ value }) => ({ true: true, false: false })[String(value)] ?? value)
  @IsBoolean()
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
