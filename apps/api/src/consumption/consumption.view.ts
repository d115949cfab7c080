import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';

@ObjectType('ConsumptionBucket', { description: 'The energy of the transactions started on one UTC day, of one charge point or tag' })
export class ConsumptionBucketView {
  @ApiProperty({ example: '2026-01-15', description: 'UTC day the transactions started' })
  @Field({ description: 'UTC day the transactions started, YYYY-MM-DD' })
  day: string;

  @ApiProperty({ description: 'charge point identity or id tag ("" for transactions without one)' })
  @Field({ description: 'charge point identity or id tag ("" for transactions without one)' })
  key: string;

  @ApiProperty({ description: "the tag owner's name when grouped by tag; the identity otherwise" })
  @Field({ description: "the tag owner's name when grouped by tag; the identity otherwise" })
  label: string;

  @ApiProperty({ description: 'Wh: live consumption of running transactions, final of stopped ones' })
  @Field(() => Int, { description: 'Wh: live consumption of running transactions, final of stopped ones' })
  energyWh: number;

  @ApiProperty()
  @Field(() => Int)
  transactions: number;
}
