import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { NestFactory } from '@nestjs/core';
import type { Config } from '@voltstream/config';
import { startLogging, type Logger } from '@voltstream/logging';
import { DEFAULT_TUNING, type GatewayTuning } from './gateway-options';
import { ChargePointEndpoint } from './charge-point-endpoint';
import { GatewayModule } from './gateway.module';
import { TlsServer } from './tls-server';

export interface RunningGateway {
  /** The `ws://` port; null when GATEWAY_PORT is off. */
  port: number | null;
  /** The `wss://` port; null without TLS. */
  tlsPort: number | null;
  /** Reads the TLS files again now, as a change of them does by itself. */
  reloadTls(): Promise<void>;
  logger: Logger;
  /** Graceful: closes every wallbox with 1001, records the disconnects, drains NATS. Idempotent. */
  close(): Promise<void>;
}

/**
 * Unique to each gateway started, even in one process or after a restart with the same pod name
 * and pid: a restarted pod must not renew the lease of the one that died, whose wallboxes are then
 * recorded offline (gateway-lease.ts).
 */
function newGatewayId(): string {
  return `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

async function listen(server: Server, port: number, host: string): Promise<number> {
  server.listen(port, host);
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

/**
 * Starts the OCPP gateway: `ws://HOST:GATEWAY_PORT/ocpp/IDENTITY` and `wss://HOST:GATEWAY_TLS_PORT/…`
 * side by side (either can be off), `/health` on both.
 */
export async function startGateway(config: Config, tuning: Partial<GatewayTuning> = {}): Promise<RunningGateway> {
  const logger = startLogging({ service: 'ocpp-gateway', level: config.logLevel, format: config.logFormat });
  const options = { ...DEFAULT_TUNING, gatewayId: newGatewayId(), ...tuning, config, logger };
  const app = await NestFactory.create(GatewayModule.forRoot(options), { abortOnError: false });
  app.enableShutdownHooks();
  await app.init();
  const endpoint = app.get(ChargePointEndpoint);
  const plain = app.getHttpServer() as Server;
  endpoint.serve(plain);
  const port = config.gatewayPort === null ? null : await listen(plain, config.gatewayPort, config.gatewayHost);
  const tls = config.tls && config.gatewayTlsPort !== null ? await TlsServer.create(config.tls, app.getHttpAdapter().getInstance()) : undefined;
  if (tls) endpoint.serve(tls.server);
  const tlsPort = tls && config.gatewayTlsPort !== null ? await listen(tls.server, config.gatewayTlsPort, config.gatewayHost) : null;
  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    tls?.close();
    tls?.server.close();
    await app.close();
  };
  return { port, tlsPort, logger, reloadTls: async () => tls?.reload(), close: () => (closing ??= close()) };
}
