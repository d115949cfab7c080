import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ChargePointView } from '../charge-points/charge-point.view';
import { ChargePointObject } from '../graphql/charge-point.types';

@ObjectType('FleetPage', { description: 'One page of the charge points that match a filter, by identity' })
export class FleetPageView {
  @ApiProperty({ type: [ChargePointView] })
  @Field(() => [ChargePointObject])
  items: ChargePointView[];

  @ApiProperty({ description: 'how many charge points match the filter' })
  @Field(() => Int, { description: 'how many charge points match the filter' })
  total: number;

  @ApiProperty({ description: 'how many charge points are discovered, not adopted, whatever the filter' })
  @Field(() => Int, { description: 'how many charge points are discovered, not adopted, whatever the filter' })
  discovered: number;

  @ApiProperty({ description: 'how many charge points are online, whatever the filter' })
  @Field(() => Int, { description: 'how many charge points are online, whatever the filter' })
  online: number;
}
