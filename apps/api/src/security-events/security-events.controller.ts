import { Param, Query } from '@nestjs/common';
import { ChargePointController, ChargePointGet } from '../infrastructure/resource-routes';
import { IdentityParams } from '../infrastructure/params';
import { ListSecurityEventsQuery } from './security-event.dto';
import { SecurityEventPageView } from './security-event.view';
import { SecurityEventsService } from './security-events.service';

@ChargePointController('charge points', 'security-events')
export class SecurityEventsController {
  constructor(private readonly securityEvents: SecurityEventsService) {}

  @ChargePointGet({ type: SecurityEventPageView, description: 'the security events the charge point reported, newest first, paged' })
  list(@Param() { identity }: IdentityParams, @Query() query: ListSecurityEventsQuery): Promise<SecurityEventPageView> {
    return this.securityEvents.list(identity, query);
  }
}
