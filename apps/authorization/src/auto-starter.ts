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
import { parseWallboxCommandReply, type ConnectorStatusChanged, type Subjects, type WallboxCommand } from '@voltstream/contracts';
import { decideAutoStart } from '@voltstream/domain';
import { StallWatch, type ConsumerProgress } from '@voltstream/health';
import { decodeEvent, PULL_EXPIRES_MS, WallboxCommands } from '@voltstream/nats';
import { handleOrPark, serveParkedRetries, type ParkedEvents } from '@voltstream/read-models';
import type { RegistryFollower } from './registry-follower';
import type { TransactionStore } from './transaction-store';

/** One durable consumer for all replicas: each status event is handled by exactly one of them. */
export const AUTO_START_CONSUMER = 'authorization-auto-start';
/**
 * What a replica that died was handling is delivered to another after this long: a car waits
 * this much longer. A replica handling an event (waiting for the wallbox's answer) says so
 * every {@link WORKING_INTERVAL_MS}, however long the command takes.
 */
const ACK_WAIT_MS = 6000;
const WORKING_INTERVAL_MS = 2000;
/** Delivered until handled or parked ({@link handleOrPark}): an outage is waited out, a poison event parked. */
const UNLIMITED_DELIVERIES = -1;
/** The gateway answers `timeout` after OCPP_CALL_TIMEOUT; this margin covers the hop to it. */
const COMMAND_MARGIN_MS = 5000;

/**
 * Start mode `auto` (SPEC §4): a connector that turns Preparing is started with RemoteStartTransaction,
 * sent to the gateway pod holding the wallbox ({@link WallboxCommands}).
 */
export class AutoStarter {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly commands: WallboxCommands;
  private messages: ConsumerMessages | undefined;
  private retries: Subscription | undefined;
  private readonly stall = new StallWatch();

  constructor(
    private readonly nc: NatsConnection,
    private readonly subjects: Subjects,
    private readonly registry: RegistryFollower,
    private readonly transactions: TransactionStore,
    private readonly parked: ParkedEvents,
    private readonly commandTimeoutMs: number,
    private readonly logger: LoggerService,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.commands = new WallboxCommands(nc, subjects);
  }

  async start(): Promise<void> {
    await this.ensureConsumer();
    const consumer = await this.nc.jetstream().consumers.get(this.subjects.eventsStream, AUTO_START_CONSUMER);
    this.messages = await consumer.consume({ expires: PULL_EXPIRES_MS, callback: (message) => this.track(this.handle(message)) });
    this.retries = await serveParkedRetries(this.nc, this.subjects, AUTO_START_CONSUMER, this.parked, (_sequence, data) => this.handleEvent(data));
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
      jsm.consumers.info(this.subjects.eventsStream, AUTO_START_CONSUMER),
      // Unknown while Postgres is down: that does not keep this service from starting sessions.
      this.parked.waiting(AUTO_START_CONSUMER).catch(() => null),
    ]);
    const pending = info.num_pending + info.num_ack_pending;
    return { pending, stalledMs: this.stall.stalledMs(info.ack_floor.stream_seq, pending, Date.now()), parked };
  }

  private async ensureConsumer(): Promise<void> {
    const jsm = await this.nc.jetstreamManager();
    const stream = this.subjects.eventsStream;
    const settings = { ack_wait: nanos(ACK_WAIT_MS), max_deliver: UNLIMITED_DELIVERIES };
    const existing = await jsm.consumers.info(stream, AUTO_START_CONSUMER).catch(() => null);
    if (existing) {
      await jsm.consumers.update(stream, AUTO_START_CONSUMER, settings);
      return;
    }
    const config: Partial<ConsumerConfig> = {
      durable_name: AUTO_START_CONSUMER,
      filter_subject: this.subjects.eventsOfType('station', 'ConnectorStatusChanged'),
      ack_policy: AckPolicy.Explicit,
      // A new consumer does not act on the statuses of the past.
      deliver_policy: DeliverPolicy.New,
      ...settings,
    };
    // Replicas start at once: another may create the consumer between info and add.
    await jsm.consumers.add(stream, config).catch(async (error: unknown) => {
      if (!(await jsm.consumers.info(stream, AUTO_START_CONSUMER).catch(() => null))) throw error;
    });
  }

  private track(handling: Promise<void>): void {
    this.inFlight.add(handling);
    const forget = () => this.inFlight.delete(handling);
    handling.then(forget, forget);
  }

  private async handle(message: JsMsg): Promise<void> {
    const working = setInterval(() => message.working(), WORKING_INTERVAL_MS);
    const logged = (error: unknown) => {
      this.logger.error(`Auto start could not handle event ${message.seq}: ${String(error)}`);
      throw error;
    };
    try {
      await handleOrPark(message, () => this.handleEvent(message.data).catch(logged), AUTO_START_CONSUMER, this.parked);
    } finally {
      clearInterval(working);
    }
  }

  private async handleEvent(data: Uint8Array): Promise<void> {
    const event = decodeEvent(data);
    if (event.type === 'ConnectorStatusChanged') await this.act(event);
  }

  private async act(event: ConnectorStatusChanged): Promise<void> {
    const identity = event.metadata.chargePoint as string;
    const active = await this.transactions.activeOn(identity, event.data.connectorId);
    const command = decideAutoStart(event, this.registry.view.registration(identity), active, this.clock());
    if (!command) return;
    const outcome = await this.send(identity, command);
    if (outcome) this.logger.warn(`RemoteStartTransaction to ${identity} connector ${event.data.connectorId} ${outcome}`);
  }

  /** Resolves to why the command did not start a transaction; undefined when the wallbox accepted it. */
  private async send(identity: string, command: WallboxCommand): Promise<string | undefined> {
    try {
      const delivery = await this.commands.send(identity, command, this.commandTimeoutMs + COMMAND_MARGIN_MS);
      if (delivery.kind !== 'reply') return `failed: the wallbox is ${delivery.kind === 'offline' ? 'offline' : 'not answering'}`;
      const reply = parseWallboxCommandReply(delivery.data);
      if (reply.outcome !== 'result') return `failed: ${JSON.stringify(reply)}`;
      return reply.payload.status === 'Accepted' ? undefined : `was rejected: ${String(reply.payload.status)}`;
    } catch (error) {
      return `failed: ${String(error)}`;
    }
  }
}
