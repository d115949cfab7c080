import { Body, Controller, Delete, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CommandPost, WallboxCommandResponses } from '../commands/command-responses';
import { UNKNOWN_CHARGE_POINT } from '../infrastructure/resource-routes';
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

  @CommandPost('charge-points/:identity/reservations', { type: ReserveAnswerView, description: "ReserveNow: the reservation's id and the charge point's answer" })
  @ApiBadRequestResponse({ description: 'a bad body, an expiry not in the future, a connector the charge point does not have' })
  @WallboxCommandResponses({
    notFound: UNKNOWN_CHARGE_POINT,
    timeout: 'the charge point did not answer in time (the reservation stays requested until it expires)',
  })
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
  @WallboxCommandResponses({ notFound: 'an unknown reservation', callError: null })
  cancel(@Param() { id }: ReservationParams): Promise<Record<string, unknown>> {
    return this.reservations.cancel(id);
  }
}
