import { ArgsType, Field, Int, IntersectionType, ObjectType } from '@nestjs/graphql';
import { ListReservationsQuery, RESERVATION_STATES, ReservationParams, ReserveBody } from '../reservations/reservation.dto';
import type { ReservationView, ReserveAnswerView } from '../reservations/reservation.view';
import type { ReservationState } from '@voltstream/domain';
import { IdentityArgs } from './arguments';
import { enumOf } from './enums';

const ReservationStateEnum = enumOf(RESERVATION_STATES, 'ReservationState', 'where a reservation is in its lifecycle (SPEC §9)');

@ObjectType('Reservation', { description: 'A reservation and where it is in its lifecycle (SPEC §9)' })
export class ReservationObject implements ReservationView {
  @Field(() => Int, { description: 'handed out by the CSMS: unique, never reused' })
  reservationId: number;

  @Field()
  chargePointIdentity: string;

  @Field(() => Int, { description: '0: any connector' })
  connectorId: number;

  @Field()
  idTag: string;

  @Field(() => String, { nullable: true })
  parentIdTag: string | null;

  @Field()
  expiresAt: string;

  @Field(() => ReservationStateEnum)
  status: ReservationState;

  @Field(() => String, { nullable: true, description: "the charge point's answer to ReserveNow" })
  answer: string | null;

  @Field(() => String, { nullable: true, description: 'why it was rejected' })
  reason: string | null;

  @Field(() => Int, { nullable: true, description: 'the transaction that used it' })
  transactionId: number | null;

  @Field()
  requestedAt: string;

  @Field()
  updatedAt: string;
}

@ObjectType('ReserveAnswer', { description: "ReserveNow: the reservation's id and the charge point's answer, as it gave it" })
export class ReserveAnswerObject implements ReserveAnswerView {
  @Field(() => Int)
  reservationId: number;

  @Field({ description: 'Accepted, Faulted, Occupied, Rejected or Unavailable' })
  status: string;
}

@ArgsType()
class ReserveFields extends ReserveBody {
  @Field(() => Int, { description: 'the connector to reserve; 0: any connector' })
  override connectorId: number;

  @Field({ description: 'id tag: 1 to 20 characters' })
  override idTag: string;

  @Field({ description: 'ISO 8601 date-time in the future' })
  override expiresAt: string;

  @Field({ nullable: true, description: 'a tag with this parent may use the reservation too' })
  override parentIdTag?: string;
}

@ArgsType()
export class ReserveArgs extends IntersectionType(IdentityArgs, ReserveFields, ArgsType) {}

@ArgsType()
export class ReservationArgs extends ReservationParams {
  @Field(() => Int, { description: 'reservation id' })
  override id: number;
}

@ArgsType()
export class ReservationsArgs extends ListReservationsQuery {
  @Field({ nullable: true, description: 'identity of a charge point' })
  override chargePoint?: string;

  @Field({ nullable: true, description: 'true: only open ones (requested, accepted); false: only ended ones' })
  override active?: boolean;

  @Field(() => ReservationStateEnum, { nullable: true })
  override status?: ReservationState;

  @Field(() => Int, { nullable: true, description: '1 to 500, default 50' })
  override limit?: number;
}
