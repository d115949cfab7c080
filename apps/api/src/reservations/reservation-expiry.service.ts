import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createEvent } from '@voltstream/contracts';
import { OPEN_RESERVATION_STATES } from '@voltstream/domain';
import { EventPublisher } from '@voltstream/nats';
import { ReservationRow } from '@voltstream/read-models';
import { In, LessThanOrEqual, type DataSource, type Repository } from 'typeorm';
import { READ_MODELS } from '../infrastructure/tokens';

/** How often the open reservations are checked for their expiry. */
export const EXPIRY_CHECK_INTERVAL_MS = 1000;
/** Lapsed reservations recorded per check; more wait for the next one. */
const EXPIRED_PER_CHECK = 500;

/**
 * Marks a reservation expired by itself: every API replica looks, every second, for open
 * reservations (requested, accepted) whose expiry has passed, and records `ReservationExpired` for
 * each. The message id `reservation:<id>:expired` stores it once however many replicas noticed it
 * (JetStream's duplicate window), and the projection ignores a second one beyond the window: the
 * read model stays a replay of the log. The wallbox ends the reservation by its own clock.
 */
@Injectable()
export class ReservationExpiry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReservationExpiry.name);
  private readonly reservations: Repository<ReservationRow>;
  private timer: NodeJS.Timeout | undefined;
  private checking = false;

  constructor(
    @Inject(READ_MODELS) readModels: DataSource,
    private readonly publisher: EventPublisher,
  ) {
    this.reservations = readModels.getRepository(ReservationRow);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.check(), EXPIRY_CHECK_INTERVAL_MS);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Records the expiry of every open reservation that has lapsed; resolves with how many. */
  async check(now = new Date()): Promise<number> {
    if (this.checking) return 0;
    this.checking = true;
    try {
      const lapsed = await this.reservations.find({
        where: { status: In(OPEN_RESERVATION_STATES), expiresAt: LessThanOrEqual(now) },
        order: { expiresAt: 'ASC' },
        take: EXPIRED_PER_CHECK,
      });
      for (const { reservationId, chargePointIdentity } of lapsed) {
        await this.publisher.publish(createEvent('ReservationExpired', { reservationId }, chargePointIdentity, now), `reservation:${reservationId}:expired`);
      }
      return lapsed.length;
    } catch (error) {
      this.logger.warn(`Reservation expiry check failed, tried again in ${EXPIRY_CHECK_INTERVAL_MS} ms: ${String(error)}`);
      return 0;
    } finally {
      this.checking = false;
    }
  }
}
