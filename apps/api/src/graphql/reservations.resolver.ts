import { UseFilters } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { ReservationView, ReserveAnswerView } from '../reservations/reservation.view';
import { ReservationsService } from '../reservations/reservations.service';
import { CommandStatusObject } from './command.types';
import { GraphqlErrorFilter } from './graphql-errors';
import { ReservationArgs, ReservationObject, ReservationsArgs, ReserveAnswerObject, ReserveArgs } from './reservation.types';

/** Reservations: ReserveNow and CancelReservation, their answers relayed; the reservations read model. */
@UseFilters(GraphqlErrorFilter)
@Resolver(() => ReservationObject)
export class ReservationsResolver {
  constructor(private readonly reservationsService: ReservationsService) {}

  @Mutation(() => ReserveAnswerObject, { description: 'ReserveNow: the CSMS hands out the reservation id; connector 0 is any connector' })
  reserveNow(@Args() { identity, ...body }: ReserveArgs): Promise<ReserveAnswerView> {
    return this.reservationsService.reserve(identity, body);
  }

  @Mutation(() => CommandStatusObject, { description: 'CancelReservation: Accepted or Rejected, as the charge point answered' })
  cancelReservation(@Args() { id }: ReservationArgs): Promise<Record<string, unknown>> {
    return this.reservationsService.cancel(id);
  }

  @Query(() => [ReservationObject], { description: 'reservations, newest first' })
  reservations(@Args() query: ReservationsArgs): Promise<ReservationView[]> {
    return this.reservationsService.list(query);
  }

  @Query(() => ReservationObject, { nullable: true, description: 'one reservation; NOT_FOUND when unknown' })
  reservation(@Args() { id }: ReservationArgs): Promise<ReservationView> {
    return this.reservationsService.get(id);
  }
}
