import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiGatewayTimeoutResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ListParkedEventsQuery, ParkedEventParams } from './parked-event.dto';
import { ParkedEventPageView, ParkedEventView } from './parked-event.view';
import { ParkedEventsService } from './parked-events.service';

@ApiTags('parked-events')
@ApiBearerAuth()
@Controller('parked-events')
export class ParkedEventsController {
  constructor(private readonly parkedEvents: ParkedEventsService) {}

  @Get()
  @ApiOkResponse({ type: ParkedEventPageView, description: 'oldest first' })
  @ApiBadRequestResponse()
  list(@Query() query: ListParkedEventsQuery): Promise<ParkedEventPageView> {
    return this.parkedEvents.list(query);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: ParkedEventView, description: 'applied now: resolved' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'resolved already, it still cannot be applied (the error is recorded), or its consumer is not running' })
  @ApiGatewayTimeoutResponse()
  retry(@Param() { id }: ParkedEventParams): Promise<ParkedEventView> {
    return this.parkedEvents.retry(id);
  }
}
