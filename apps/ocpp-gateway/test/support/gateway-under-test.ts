import type { NatsConnection } from 'nats';
import { loadConfig } from '@voltstream/config';
import { createEvent, subjectsFor, type ChargePointSettings, type Subjects } from '@voltstream/contracts';
import { connectNats, ensureStreams, EventPublisher } from '@voltstream/nats';
import { deleteStreams, testEnv, uniqueNamespace } from '@voltstream/testing';
import { startGateway, type RunningGateway } from '../../src/gateway';
import type { GatewayTuning } from '../../src/gateway-options';

export const settings = (overrides: Partial<ChargePointSettings> = {}): ChargePointSettings => ({
  startMode: 'anyTag',
  relaxations: [],
  autoStartIdTag: null,
  passwordHash: null,
  description: null,
  ...overrides,
});

/** One namespace per test file: its NATS connection, subjects, and gateways started in-process. */
export class GatewayTestbed {
  readonly namespace = uniqueNamespace();
  readonly subjects: Subjects = subjectsFor(this.namespace);
  nc!: NatsConnection;
  publisher!: EventPublisher;
  private readonly gateways: RunningGateway[] = [];

  async setUp(): Promise<void> {
    this.nc = await connectNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', `gateway-test ${this.namespace}`);
    await ensureStreams(this.nc, this.subjects);
    this.publisher = new EventPublisher(this.nc, this.subjects);
  }

  env(overrides: Record<string, string> = {}): Record<string, string> {
    return testEnv(this.namespace, { GATEWAY_PORT: '0', GATEWAY_HOST: '127.0.0.1', ...overrides });
  }

  /** Starts a gateway in this process; @returns its ws:// and wss:// base URLs (`wss://` with TLS files and GATEWAY_TLS_PORT). */
  async startGateway(
    env: Record<string, string> = {},
    tuning: Partial<GatewayTuning> = {},
  ): Promise<{ url: string; tlsUrl: string; gateway: RunningGateway }> {
    const gateway = await startGateway(loadConfig(this.env(env)), tuning);
    this.gateways.push(gateway);
    return { url: `ws://127.0.0.1:${gateway.port}`, tlsUrl: `wss://127.0.0.1:${gateway.tlsPort}`, gateway };
  }

  async adopt(identity: string, overrides: Partial<ChargePointSettings> = {}): Promise<void> {
    await this.publisher.publish(createEvent('ChargePointAdopted', settings(overrides), identity, new Date()));
  }

  async tearDown(): Promise<void> {
    for (const gateway of this.gateways.splice(0)) await gateway.close();
    await deleteStreams(this.nc, this.subjects);
    await this.nc.close();
  }
}
