import { UseFilters } from '@nestjs/common';
import { Args, ArgsType, Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { ListParkedEventsQuery } from '../parked-events/parked-event.dto';
import type { ParkedEventPageView, ParkedEventView } from '../parked-events/parked-event.view';
import { ParkedEventsService } from '../parked-events/parked-events.service';
import { GraphqlErrorFilter } from './graphql-errors';

@ArgsType()
export class ParkedEventsArgs extends ListParkedEventsQuery {
  @Field({ nullable: true, description: 'the consumer that parked them, e.g. state-projection' })
  override consumer?: string;

  @Field(() => String, { nullable: true, description: 'parked or resolved' })
  override state?: ListParkedEventsQuery['state'];

  @Field(() => Int, { nullable: true, description: '1 to 500, default 50' })
  override limit?: number;

  @Field(() => Int, { nullable: true, description: 'how many to skip, oldest first' })
  override offset?: number;
}

@ObjectType('ParkedEvent', { description: 'An event a consumer could not apply and skipped' })
export class ParkedEventObject implements ParkedEventView {
  @Field(() => Int)
  id: number;

  @Field()
  consumer: string;

  @Field(() => Int, { description: 'its place in the event log' })
  sequence: number;

  @Field(() => String, { nullable: true })
  eventType: string | null;

  @Field(() => String, { nullable: true })
  chargePoint: string | null;

  @Field()
  error: string;

  @Field(() => Int)
  attempts: number;

  @Field({ description: 'ISO 8601' })
  parkedAt: string;

  @Field(() => String, { description: 'parked or resolved' })
  state: ParkedEventView['state'];

  @Field(() => Int)
  retries: number;

  @Field(() => String, { nullable: true, description: 'ISO 8601' })
  retriedAt: string | null;

  @Field(() => String, { nullable: true })
  retryError: string | null;
}

@ObjectType('ParkedEventPage')
export class ParkedEventPageObject implements ParkedEventPageView {
  @Field(() => [ParkedEventObject], { description: 'oldest first' })
  items: ParkedEventObject[];

  @Field(() => Int)
  total: number;
}

@UseFilters(GraphqlErrorFilter)
@Resolver(() => ParkedEventObject)
export class ParkedEventsResolver {
  constructor(private readonly parkedEventsService: ParkedEventsService) {}

  @Query(() => ParkedEventPageObject, { description: 'events that consumers parked, oldest first, paged (GET /api/parked-events)' })
  parkedEvents(@Args() query: ParkedEventsArgs): Promise<ParkedEventPageView> {
    return this.parkedEventsService.list(query);
  }
}
