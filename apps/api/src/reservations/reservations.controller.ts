import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiGatewayTimeoutResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CommandStatusView } from '../commands/command.view';
import { IdentityParams } from '../infrastructure/params';
import { ListReservationsQuery, ReservationParams, ReserveBody } from './reservation.dto';
import { ReservationView, ReserveAnswerView } from './reservation.view';
import { ReservationsService } from './reservations.service';

@ApiTags('reservations')
@ApiBearerAuth()
@Controller()
export class ReservationsController {
  constructor(private readonly reservations: ReservationsService) {}

  @Post('charge-points/:identity/reservations')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ReserveAnswerView, description: "ReserveNow: the reservation's id and the charge point's answer" })
  @ApiBadRequestResponse({ description: 'a bad body, an expiry not in the future, a connector the charge point does not have' })
  @ApiNotFoundResponse({ description: 'an unknown charge point' })
  @ApiConflictResponse({ description: 'the charge point is offline' })
  @ApiGatewayTimeoutResponse({ description: 'the charge point did not answer in time (the reservation stays requested until it expires)' })
  @ApiBadGatewayResponse({ description: 'the charge point answered with a CALLERROR' })
  reserve(@Param() { identity }: IdentityParams, @Body() body: ReserveBody): Promise<ReserveAnswerView> {
    return this.reservations.reserve(identity, body);
  }

  @Get('reservations')
  @ApiOkResponse({ type: [ReservationView], description: 'newest first' })
  @ApiBadRequestResponse()
  list(@Query() query: ListReservationsQuery): Promise<ReservationView[]> {
    return this.reservations.list(query);
  }

  @Get('reservations/:id')
  @ApiOkResponse({ type: ReservationView })
  @ApiNotFoundResponse()
  get(@Param() { id }: ReservationParams): Promise<ReservationView> {
    return this.reservations.get(id);
  }

  @Delete('reservations/:id')
  @ApiOkResponse({ type: CommandStatusView, description: 'CancelReservation: Accepted or Rejected, as the charge point answered' })
  @ApiNotFoundResponse({ description: 'an unknown reservation' })
  @ApiConflictResponse({ description: 'the charge point is offline' })
  @ApiGatewayTimeoutResponse({ description: 'the charge point did not answer in time' })
  cancel(@Param() { id }: ReservationParams): Promise<Record<string, unknown>> {
    return this.reservations.cancel(id);
  }
}
