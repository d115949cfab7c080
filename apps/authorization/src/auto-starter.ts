import type { LoggerService } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { parseWallboxCommandReply, type ConnectorStatusChanged, type Subjects, type WallboxCommand } from '@voltstream/contracts';
import { decideAutoStart } from '@voltstream/domain';
import type { ConsumerProgress } from '@voltstream/health';
import { decodeEvent, WallboxCommands } from '@voltstream/nats';
import type { ParkedEvents } from '@voltstream/read-models';
import type { RegistryFollower } from './registry-follower';
import { SharedConsumer } from './shared-consumer';
import type { TransactionStore } from './transaction-store';

/** One durable consumer for all replicas: each status event is handled by exactly one of them. */
export const AUTO_START_CONSUMER = 'authorization-auto-start';
/** The gateway answers `timeout` after OCPP_CALL_TIMEOUT; this margin covers the hop to it. */
const COMMAND_MARGIN_MS = 5000;

/**
 * Start mode `auto` (SPEC §4): a connector that turns Preparing is started with RemoteStartTransaction,
 * sent to the gateway pod holding the wallbox ({@link WallboxCommands}).
 */
export class AutoStarter {
  private readonly commands: WallboxCommands;
  private readonly consumer: SharedConsumer;

  constructor(
    nc: NatsConnection,
    subjects: Subjects,
    private readonly registry: RegistryFollower,
    private readonly transactions: TransactionStore,
    parked: ParkedEvents,
    private readonly commandTimeoutMs: number,
    private readonly logger: LoggerService,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.commands = new WallboxCommands(nc, subjects);
    const filter = subjects.eventsOfType('station', 'ConnectorStatusChanged');
    this.consumer = new SharedConsumer(nc, subjects, AUTO_START_CONSUMER, filter, parked, logger);
  }

  start(): Promise<void> {
    return this.consumer.start((_sequence, data) => this.handleEvent(data));
  }

  /** Stops taking events and waits for the ones being handled. */
  stop(): Promise<void> {
    return this.consumer.stop();
  }

  /** How the consumer keeps up, for readiness: shared by every replica. */
  progress(): Promise<ConsumerProgress> {
    return this.consumer.progress();
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
    if (outcome) this.logger.warn({ identity, action: 'RemoteStartTransaction', connectorId: event.data.connectorId, outcome, msg: 'auto-start did not start a transaction' });
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
