import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PARKED_EVENT_STATES, type ParkedEventState } from '@voltstream/read-models';
import { IsPageLimit } from '../infrastructure/params';

export class ListParkedEventsQuery {
  @ApiPropertyOptional({ description: 'the consumer that parked them, e.g. state-projection' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  consumer?: string;

  @ApiPropertyOptional({ enum: PARKED_EVENT_STATES, description: 'parked: still skipped; resolved: applied by a retry' })
  @IsOptional()
  @IsIn(PARKED_EVENT_STATES)
  state?: ParkedEventState;

  @IsPageLimit()
  limit?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, default: 0, description: 'how many to skip, oldest first' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  offset?: number;
}

export class ParkedEventParams {
  @ApiProperty({ type: 'integer', minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  id: number;
}
