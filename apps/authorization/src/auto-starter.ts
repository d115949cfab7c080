import type { LoggerService } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import type { ConnectorStatusChanged, Subjects, WallboxCommandReply } from '@voltstream/contracts';
import { decideAutoStart } from '@voltstream/domain';
import type { ConsumerProgress } from '@voltstream/health';
import { eventCorrelationId } from '@voltstream/logging';
import { decodeEvent } from '@voltstream/nats';
import type { ParkedEvents } from '@voltstream/read-models';
import type { RegistryFollower } from './registry-follower';
import { SharedConsumer } from './shared-consumer';
import { SystemCommands } from './system-commands';
import type { TransactionStore } from './transaction-store';

/** One durable consumer for all replicas: each status event is handled by exactly one of them. */
export const AUTO_START_CONSUMER = 'authorization-auto-start';

/**
 * Start mode `auto` (SPEC §4): a connector that turns Preparing is started with RemoteStartTransaction,
 * sent to the gateway pod holding the wallbox under the correlation id of the status event.
 */
export class AutoStarter {
  private readonly commands: SystemCommands;
  private readonly consumer: SharedConsumer;

  constructor(
    nc: NatsConnection,
    subjects: Subjects,
    private readonly registry: RegistryFollower,
    private readonly transactions: TransactionStore,
    parked: ParkedEvents,
    commandTimeoutMs: number,
    private readonly logger: LoggerService,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.commands = new SystemCommands(nc, subjects, commandTimeoutMs, logger);
    const filter = subjects.eventsOfType('station', 'ConnectorStatusChanged');
    this.consumer = new SharedConsumer(nc, subjects, AUTO_START_CONSUMER, filter, parked, logger);
  }

  start(): Promise<void> {
    return this.consumer.start((sequence, data) => this.handleEvent(eventCorrelationId(AUTO_START_CONSUMER, sequence), data));
  }

  /** Stops taking events and waits for the ones being handled. */
  stop(): Promise<void> {
    return this.consumer.stop();
  }

  /** How the consumer keeps up, for readiness: shared by every replica. */
  progress(): Promise<ConsumerProgress> {
    return this.consumer.progress();
  }

  private async handleEvent(correlationId: string, data: Uint8Array): Promise<void> {
    const event = decodeEvent(data);
    if (event.type === 'ConnectorStatusChanged') await this.act(event, correlationId);
  }

  private async act(event: ConnectorStatusChanged, correlationId: string): Promise<void> {
    const identity = event.metadata.chargePoint as string;
    const active = await this.transactions.activeOn(identity, event.data.connectorId);
    const command = decideAutoStart(event, this.registry.view.registration(identity), active, this.clock());
    if (!command) return;
    const about = { identity, correlationId, action: command.action, connectorId: event.data.connectorId };
    this.logger.log({ ...about, msg: 'auto-start decided' });
    const outcome = await this.commands.send(identity, command, correlationId).then(whyNotStarted, (error: unknown) => `failed: ${String(error)}`);
    if (outcome) this.logger.warn({ ...about, outcome, msg: 'auto-start did not start a transaction' });
  }
}

/** Why a RemoteStartTransaction did not start a transaction; undefined when the wallbox accepted it. */
function whyNotStarted(reply: WallboxCommandReply): string | undefined {
  switch (reply.outcome) {
    case 'result':
      return reply.payload.status === 'Accepted' ? undefined : `was rejected: ${String(reply.payload.status)}`;
    case 'offline':
      return 'failed: the wallbox is offline';
    case 'timeout':
      return 'failed: the wallbox is not answering';
    default:
      return `failed: ${JSON.stringify(reply)}`;
  }
}
