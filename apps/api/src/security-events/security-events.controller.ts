import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdentityParams } from '../infrastructure/params';
import { ListSecurityEventsQuery } from './security-event.dto';
import { SecurityEventPageView } from './security-event.view';
import { SecurityEventsService } from './security-events.service';

@ApiTags('charge points')
@ApiBearerAuth()
@Controller('charge-points/:identity/security-events')
export class SecurityEventsController {
  constructor(private readonly securityEvents: SecurityEventsService) {}

  @Get()
  @ApiOkResponse({ type: SecurityEventPageView, description: 'the security events the charge point reported, newest first, paged' })
  @ApiNotFoundResponse({ description: 'an unknown charge point' })
  list(@Param() { identity }: IdentityParams, @Query() query: ListSecurityEventsQuery): Promise<SecurityEventPageView> {
    return this.securityEvents.list(identity, query);
  }
}
