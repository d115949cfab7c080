import { Inject, Injectable } from '@nestjs/common';
import type { Subjects, VoltstreamEvent } from '@voltstream/contracts';
import { cancellationAnswered, decideReservation, OPEN_RESERVATION_STATES, reservationAnswered, toWallboxCommand } from '@voltstream/domain';
import { EventPublisher, SequenceIds } from '@voltstream/nats';
import { ConnectorRow, ReservationRow } from '@voltstream/read-models';
import type { NatsConnection } from 'nats';
import { In, Not, type DataSource, type FindOptionsWhere, type Repository } from 'typeorm';
import { ChargePointsService } from '../charge-points/charge-points.service';
import { notFound, OperationFailedError } from '../infrastructure/operation-failed.error';
import { NATS_CONNECTION, READ_MODELS, SUBJECTS } from '../infrastructure/tokens';
import { WallboxLink } from '../infrastructure/wallbox-link.service';
import { DEFAULT_PAGE_SIZE } from '../infrastructure/params';
import type { ListReservationsQuery, ReserveBody } from './reservation.dto';
import { toReservationView, type ReservationView, type ReserveAnswerView } from './reservation.view';

/**
 * Reservations (OCPP 1.6 ReserveNow, CancelReservation): each step of a reservation is recorded
 * in the log before the next is taken — requested before ReserveNow is sent, then the answer — so
 * that the CSMS never forgets one a wallbox holds. Like every command, the answer is the wallbox's,
 * and does not wait for the read models.
 */
@Injectable()
export class ReservationsService {
  private readonly reservations: Repository<ReservationRow>;
  private readonly connectors: Repository<ConnectorRow>;
  private readonly ids: SequenceIds;

  constructor(
    @Inject(READ_MODELS) readModels: DataSource,
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    @Inject(SUBJECTS) subjects: Subjects,
    private readonly publisher: EventPublisher,
    private readonly link: WallboxLink,
    private readonly chargePoints: ChargePointsService,
  ) {
    this.reservations = readModels.getRepository(ReservationRow);
    this.connectors = readModels.getRepository(ConnectorRow);
    this.ids = new SequenceIds(nc.jetstream(), subjects.reservationIdSubject);
  }

  async reserve(identity: string, body: ReserveBody): Promise<ReserveAnswerView> {
    await this.chargePoints.assertKnown(identity);
    const connectors = (await this.connectors.maximum('connectorId', { chargePointIdentity: identity })) ?? undefined;
    const reservationId = await this.ids.next();
    const command = { identity, reservationId, ...body, expiresAt: new Date(body.expiresAt), at: new Date() };
    const decision = decideReservation(command, { connectors });
    if (!decision.ok) throw new OperationFailedError(decision.failure);
    for (const event of decision.events) await this.record(event, reservationId, 'requested');
    const result = await this.link.send(identity, toWallboxCommand({ type: 'reserveNow', ...command }));
    const answer = reservationAnswered(identity, reservationId, result, new Date());
    if (answer) await this.record(answer, reservationId, 'answered');
    if (!result.ok) throw new OperationFailedError(result.failure);
    return { reservationId, status: String(result.payload.status) };
  }

  /** CancelReservation, whatever the read models show: the wallbox decides, and Rejected is relayed. */
  async cancel(reservationId: number): Promise<Record<string, unknown>> {
    const { chargePointIdentity: identity } = await this.row(reservationId);
    const result = await this.link.send(identity, toWallboxCommand({ type: 'cancelReservation', reservationId }));
    const cancelled = cancellationAnswered(identity, reservationId, result, new Date());
    if (cancelled) await this.record(cancelled, reservationId, 'cancelled');
    if (!result.ok) throw new OperationFailedError(result.failure);
    return result.payload;
  }

  async get(reservationId: number): Promise<ReservationView> {
    return toReservationView(await this.row(reservationId));
  }

  /** Newest first. */
  async list(query: ListReservationsQuery): Promise<ReservationView[]> {
    const where: FindOptionsWhere<ReservationRow> = {};
    if (query.chargePoint !== undefined) where.chargePointIdentity = query.chargePoint;
    if (query.active !== undefined) where.status = query.active ? In(OPEN_RESERVATION_STATES) : Not(In(OPEN_RESERVATION_STATES));
    if (query.status !== undefined) where.status = query.status;
    const rows = await this.reservations.find({ where, order: { reservationId: 'DESC' }, take: query.limit ?? DEFAULT_PAGE_SIZE });
    return rows.map(toReservationView);
  }

  /** These reservations as the read models hold them; an unknown id is left out. */
  async findMany(reservationIds: number[]): Promise<ReservationView[]> {
    const rows = await this.reservations.findBy({ reservationId: In(reservationIds) });
    return rows.map(toReservationView);
  }

  private async row(reservationId: number): Promise<ReservationRow> {
    const row = await this.reservations.findOneBy({ reservationId });
    if (!row) throw notFound(`reservation ${reservationId} not found`);
    return row;
  }

  /** Each step of a reservation is stored once, however often it is recorded. */
  private async record(event: VoltstreamEvent, reservationId: number, step: string): Promise<void> {
    await this.publisher.publish(event, `reservation:${reservationId}:${step}`);
  }
}
