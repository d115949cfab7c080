import { UseFilters } from '@nestjs/common';
import { Args, Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { ReceivedSecurityEventView, SecurityEventPageView, SecurityEventView } from '../security-events/security-event.view';
import { SecurityEventsService } from '../security-events/security-events.service';
import { SecurityEventsArgs } from './arguments';
import { GraphqlErrorFilter } from './graphql-errors';
import { SequenceIdField, NextCursorField } from './page-fields';

@ObjectType('SecurityEvent', { description: 'A SecurityEventNotification a wallbox sent (OCPP 1.6 security whitepaper)' })
export class SecurityEventObject implements SecurityEventView {
  @SequenceIdField()
  id: number;

  @Field({ description: 'the whitepaper event type, or the vendor’s own' })
  type: string;

  @Field({ description: 'when it happened, by the wallbox’s clock' })
  timestamp: string;

  @Field(() => String, { nullable: true })
  techInfo: string | null;

  @Field({ description: 'when the CSMS recorded it' })
  receivedAt: string;
}

@ObjectType('ReceivedSecurityEvent', { description: 'A security event a wallbox reported, and which wallbox reported it' })
export class ReceivedSecurityEventObject implements ReceivedSecurityEventView {
  @Field()
  chargePointIdentity: string;

  @Field(() => SecurityEventObject)
  securityEvent: SecurityEventObject;
}

@ObjectType('SecurityEventPage')
export class SecurityEventPageObject implements SecurityEventPageView {
  @Field(() => [SecurityEventObject], { description: 'newest first' })
  items: SecurityEventObject[];

  @NextCursorField()
  nextCursor: string | null;
}

@UseFilters(GraphqlErrorFilter)
@Resolver()
export class SecurityEventsResolver {
  constructor(private readonly service: SecurityEventsService) {}

  @Query(() => SecurityEventPageObject, { description: 'the security events a charge point reported, newest first, paged; NOT_FOUND for an unknown one' })
  securityEvents(@Args() { identity, ...page }: SecurityEventsArgs): Promise<SecurityEventPageView> {
    return this.service.list(identity, page);
  }
}
