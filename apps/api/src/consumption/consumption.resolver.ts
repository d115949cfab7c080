import { UseFilters } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { GraphqlErrorFilter } from '../graphql/graphql-errors';
import { ConsumptionQuery } from './consumption.dto';
import { ConsumptionService } from './consumption.service';
import { ConsumptionBucketView } from './consumption.view';

@UseFilters(GraphqlErrorFilter)
@Resolver()
export class ConsumptionResolver {
  constructor(private readonly service: ConsumptionService) {}

  @Query(() => [ConsumptionBucketView], { description: 'energy per UTC day and charge point or tag, by day' })
  consumption(@Args() query: ConsumptionQuery): Promise<ConsumptionBucketView[]> {
    return this.service.buckets(query);
  }
}
