import type { LoggerService } from '@nestjs/common';
import {
  AckPolicy,
  DeliverPolicy,
  nanos,
  type ConsumerConfig,
  type ConsumerMessages,
  type JsMsg,
  type NatsConnection,
  type Subscription,
} from 'nats';
import type { Subjects } from '@voltstream/contracts';
import { StallWatch, type ConsumerProgress } from '@voltstream/health';
import { PULL_EXPIRES_MS } from '@voltstream/nats';
import { handleOrPark, serveParkedRetries, type ApplyAgain, type ParkedEvents } from '@voltstream/read-models';

/**
 * What a replica that died was handling is delivered to another after this long. A replica
 * handling an event (waiting for a wallbox's answer) says so every {@link WORKING_INTERVAL_MS},
 * however long the command takes.
 */
const ACK_WAIT_MS = 6000;
const WORKING_INTERVAL_MS = 2000;
/** Delivered until handled or parked ({@link handleOrPark}): an outage is waited out, a poison event parked. */
const UNLIMITED_DELIVERIES = -1;

/**
 * A durable pull consumer of the event log shared by every replica of the authorization service:
 * each event is handled by exactly one of them, acknowledged explicitly once handled, its failures
 * settled by {@link handleOrPark}. New events only: a new consumer does not act on the past.
 */
export class SharedConsumer {
  private readonly inFlight = new Set<Promise<void>>();
  private messages: ConsumerMessages | undefined;
  private retries: Subscription | undefined;
  private readonly stall = new StallWatch();

  constructor(
    private readonly nc: NatsConnection,
    private readonly subjects: Subjects,
    readonly name: string,
    private readonly filterSubject: string,
    private readonly parked: ParkedEvents,
    private readonly logger: LoggerService,
  ) {}

  async start(handleEvent: ApplyAgain): Promise<void> {
    await this.ensureConsumer();
    const consumer = await this.nc.jetstream().consumers.get(this.subjects.eventsStream, this.name);
    this.messages = await consumer.consume({ expires: PULL_EXPIRES_MS, callback: (message) => this.track(this.handle(message, handleEvent)) });
    this.retries = await serveParkedRetries(this.nc, this.subjects, this.name, this.parked, handleEvent);
  }

  /** Stops taking events and waits for the ones being handled. */
  async stop(): Promise<void> {
    this.retries?.unsubscribe();
    await this.messages?.close();
    await Promise.all(this.inFlight);
  }

  /** How the consumer keeps up, for readiness: shared by every replica. */
  async progress(): Promise<ConsumerProgress> {
    const jsm = await this.nc.jetstreamManager({ checkAPI: false });
    const [info, parked] = await Promise.all([
      jsm.consumers.info(this.subjects.eventsStream, this.name),
      // Unknown while Postgres is down: that does not keep this service from working.
      this.parked.waiting(this.name).catch(() => null),
    ]);
    const pending = info.num_pending + info.num_ack_pending;
    return { pending, stalledMs: this.stall.stalledMs(info.ack_floor.stream_seq, pending, Date.now()), parked };
  }

  private async ensureConsumer(): Promise<void> {
    const jsm = await this.nc.jetstreamManager();
    const stream = this.subjects.eventsStream;
    const settings = { ack_wait: nanos(ACK_WAIT_MS), max_deliver: UNLIMITED_DELIVERIES };
    const existing = await jsm.consumers.info(stream, this.name).catch(() => null);
    if (existing) {
      await jsm.consumers.update(stream, this.name, settings);
      return;
    }
    const config: Partial<ConsumerConfig> = {
      durable_name: this.name,
      filter_subject: this.filterSubject,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.New,
      ...settings,
    };
    // Replicas start at once: another may create the consumer between info and add.
    await jsm.consumers.add(stream, config).catch(async (error: unknown) => {
      if (!(await jsm.consumers.info(stream, this.name).catch(() => null))) throw error;
    });
  }

  private track(handling: Promise<void>): void {
    this.inFlight.add(handling);
    const forget = () => this.inFlight.delete(handling);
    handling.then(forget, forget);
  }

  private async handle(message: JsMsg, handleEvent: ApplyAgain): Promise<void> {
    const working = setInterval(() => message.working(), WORKING_INTERVAL_MS);
    const event = { consumer: this.name, sequence: message.seq, subject: message.subject };
    const logged = (error: unknown) => {
      this.logger.error({ ...event, err: error, msg: 'an event could not be handled' });
      throw error;
    };
    try {
      const settled = await handleOrPark(message, () => handleEvent(message.seq, message.data).catch(logged), this.name, this.parked);
      if (settled === 'parked') this.logger.warn({ ...event, msg: 'event parked' });
      else this.logger.debug?.({ ...event, settled, msg: `event ${settled}` });
    } finally {
      clearInterval(working);
    }
  }
}
