import { UseFilters } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { GraphqlErrorFilter } from '../graphql/graphql-errors';
import { FleetQuery } from './fleet.dto';
import { FleetService } from './fleet.service';
import { FleetPageView } from './fleet.view';

@UseFilters(GraphqlErrorFilter)
@Resolver()
export class FleetResolver {
  constructor(private readonly service: FleetService) {}

  @Query(() => FleetPageView, { description: 'a page of the charge points matching the filter, by identity' })
  fleet(@Args() query: FleetQuery): Promise<FleetPageView> {
    return this.service.page(query);
  }
}
