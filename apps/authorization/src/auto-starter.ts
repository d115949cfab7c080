import type { LoggerService } from '@nestjs/common';
import {
  AckPolicy,
  DeliverPolicy,
  nanos,
  type ConsumerConfig,
  type ConsumerMessages,
  type JsMsg,
  type NatsConnection,
} from 'nats';
import { parseWallboxCommandReply, type ConnectorStatusChanged, type Subjects, type WallboxCommand } from '@voltstream/contracts';
import { decideAutoStart } from '@voltstream/domain';
import { decodeEvent, WallboxCommands } from '@voltstream/nats';
import type { RegistryFollower } from './registry-follower';
import type { TransactionStore } from './transaction-store';

/** One durable consumer for all replicas: each status event is handled by exactly one of them. */
export const AUTO_START_CONSUMER = 'authorization-auto-start';
/** What is redelivered after a replica died mid-way; a poison event is not retried for ever. */
const MAX_DELIVER = 5;
const RETRY_DELAY_MS = 1000;
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

  constructor(
    private readonly nc: NatsConnection,
    private readonly subjects: Subjects,
    private readonly registry: RegistryFollower,
    private readonly transactions: TransactionStore,
    private readonly commandTimeoutMs: number,
    private readonly logger: LoggerService,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.commands = new WallboxCommands(nc, subjects);
  }

  async start(): Promise<void> {
    await this.ensureConsumer();
    const consumer = await this.nc.jetstream().consumers.get(this.subjects.eventsStream, AUTO_START_CONSUMER);
    this.messages = await consumer.consume({ callback: (message) => this.track(this.handle(message)) });
  }

  /** Stops taking events and waits for the ones being handled. */
  async stop(): Promise<void> {
    await this.messages?.close();
    await Promise.all(this.inFlight);
  }

  private async ensureConsumer(): Promise<void> {
    const jsm = await this.nc.jetstreamManager();
    const stream = this.subjects.eventsStream;
    const ackWait = nanos(this.commandTimeoutMs + COMMAND_MARGIN_MS);
    const existing = await jsm.consumers.info(stream, AUTO_START_CONSUMER).catch(() => null);
    if (existing) {
      await jsm.consumers.update(stream, AUTO_START_CONSUMER, { ack_wait: ackWait, max_deliver: MAX_DELIVER });
      return;
    }
    const config: Partial<ConsumerConfig> = {
      durable_name: AUTO_START_CONSUMER,
      filter_subject: this.subjects.eventsOfType('station', 'ConnectorStatusChanged'),
      ack_policy: AckPolicy.Explicit,
      // A new consumer does not act on the statuses of the past.
      deliver_policy: DeliverPolicy.New,
      ack_wait: ackWait,
      max_deliver: MAX_DELIVER,
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
    try {
      const event = decodeEvent(message.data);
      if (event.type === 'ConnectorStatusChanged') await this.act(event);
      message.ack();
    } catch (error) {
      this.logger.error(`Auto start could not handle event ${message.seq}: ${String(error)}`);
      message.nak(RETRY_DELAY_MS);
    }
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
