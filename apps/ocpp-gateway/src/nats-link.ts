import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { subjectsFor, type Subjects } from '@voltstream/contracts';
import { connectNats, ensureStreams, EventPublisher, type PublishTiming } from '@voltstream/nats';
import type { GatewayOptions } from './gateway-options';

/** The gateway's NATS connection, its subjects and event publisher; drained last on shutdown. */
export class NatsLink implements OnApplicationShutdown {
  private readonly logger = new Logger(NatsLink.name);
  private connected = true;

  private constructor(
    readonly nc: NatsConnection,
    readonly subjects: Subjects,
    readonly publisher: EventPublisher,
  ) {
    void this.watchStatus();
  }

  /** `timing` is told how long each of the publisher's publishes took to be stored. */
  static async connect(options: GatewayOptions, timing: PublishTiming): Promise<NatsLink> {
    const subjects = subjectsFor(options.config.namespace);
    const nc = await connectNats(options.config.natsUrl, `ocpp-gateway ${options.gatewayId}`);
    await ensureStreams(nc, subjects, options.config.natsReplicas);
    return new NatsLink(nc, subjects, new EventPublisher(nc, subjects, undefined, timing));
  }

  get isConnected(): boolean {
    return this.connected && !this.nc.isClosed();
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.nc.isClosed()) await this.nc.drain();
  }

  private async watchStatus(): Promise<void> {
    for await (const status of this.nc.status()) {
      if (status.type === 'disconnect') {
        this.connected = false;
        this.logger.warn(`NATS connection lost (${String(status.data)})`);
      } else if (status.type === 'reconnect') {
        this.connected = true;
        this.logger.log(`NATS connection restored (${String(status.data)})`);
      }
    }
  }
}
