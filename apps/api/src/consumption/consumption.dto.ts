import { ArgsType, Field } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO8601 } from 'class-validator';
import { enumOf } from '../graphql/enums';

export const CONSUMPTION_GROUPINGS = ['chargePoint', 'tag'] as const;
export type ConsumptionGrouping = (typeof CONSUMPTION_GROUPINGS)[number];
const ConsumptionGroupingEnum = enumOf(CONSUMPTION_GROUPINGS, 'ConsumptionGrouping', 'what energy is summed by, besides the day');

/** Energy per UTC day and per charge point or tag, of the transactions started in [from, to). */
@ArgsType()
export class ConsumptionQuery {
  @ApiProperty({ format: 'date-time', description: 'transactions started from this time on (inclusive)' })
  @Field({ description: 'ISO 8601: transactions started from this time on (inclusive)' })
  @IsISO8601({ strict: true })
  from: string;

  @ApiProperty({ format: 'date-time', description: 'transactions started before this time (exclusive); at most 366 days after from' })
  @Field({ description: 'ISO 8601: transactions started before this time (exclusive); at most 366 days after from' })
  @IsISO8601({ strict: true })
  to: string;

  @ApiProperty({ enum: CONSUMPTION_GROUPINGS, description: 'a bucket per day and charge point, or per day and id tag' })
  @Field(() => ConsumptionGroupingEnum, { description: 'a bucket per day and charge point, or per day and id tag' })
  @IsIn(CONSUMPTION_GROUPINGS)
  groupBy: ConsumptionGrouping;
}
