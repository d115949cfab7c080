import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { NestFactory } from '@nestjs/core';
import type { LogLevel } from '@nestjs/common';
import type { Config } from '@voltstream/config';
import { DEFAULT_TUNING, type GatewayTuning } from './gateway-options';
import { GatewayModule } from './gateway.module';

export interface RunningGateway {
  port: number;
  /** Graceful: closes every wallbox with 1001, records the disconnects, drains NATS. Idempotent. */
  close(): Promise<void>;
}

const LOG_LEVELS: Record<Config['logLevel'], LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

function httpsOptions(config: Config): { cert: Buffer; key: Buffer } | undefined {
  if (!config.tlsCertFile || !config.tlsKeyFile) return undefined;
  return { cert: readFileSync(config.tlsCertFile), key: readFileSync(config.tlsKeyFile) };
}

/**
 * Unique to each gateway started, even in one process or after a restart with the same pod name
 * and pid: a restarted pod must not renew the lease of the one that died, whose wallboxes are then
 * recorded offline (gateway-lease.ts).
 */
function newGatewayId(): string {
  return `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/** Starts the OCPP gateway: `ws(s)://HOST:GATEWAY_PORT/ocpp/IDENTITY` and `/health` on one port. */
export async function startGateway(config: Config, tuning: Partial<GatewayTuning> = {}): Promise<RunningGateway> {
  const options = { ...DEFAULT_TUNING, gatewayId: newGatewayId(), ...tuning, config };
  const app = await NestFactory.create(GatewayModule.forRoot(options), {
    logger: LOG_LEVELS[config.logLevel],
    httpsOptions: httpsOptions(config),
    abortOnError: false,
  });
  app.enableShutdownHooks();
  await app.listen(config.gatewayPort, config.gatewayHost);
  const { port } = app.getHttpServer().address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return { port, close: () => (closing ??= app.close()) };
}
