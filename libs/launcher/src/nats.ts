import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { connect, type NatsConnection } from 'nats';
import { spawnLogged, stopChild, hasExited } from './child';
import { LauncherError } from './errors';
import type { Output } from './output';
import type { StartedServer } from './server';
import { waitUntil } from './wait';

export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';
const DEFAULT_NATS_PORT = 4222;

export type NatsState = 'jetstream' | 'no-jetstream' | 'unreachable';

const MISSING_NATS_SERVER =
  'No NATS server answers at nats://127.0.0.1:4222 and there is no nats-server binary to start one. ' +
  'Install it (Debian/Ubuntu: `apt-get install nats-server`), or run the one of the compose file ' +
  '(`docker compose up -d nats`), or point NATS_URL at a NATS server with JetStream.';

/** Whether a NATS server answers at the URL, and whether JetStream is enabled there. */
export async function probeNats(url: string): Promise<NatsState> {
  let connection: NatsConnection;
  try {
    connection = await connect({ servers: url, timeout: 2000, reconnect: false });
  } catch {
    return 'unreachable';
  }
  try {
    const manager = await connection.jetstreamManager();
    await manager.getAccountInfo();
    return 'jetstream';
  } catch {
    return 'no-jetstream';
  } finally {
    await connection.close();
  }
}

/** Debian installs nats-server to /usr/sbin, which is not on the PATH of ordinary users. */
function searchPath(): string[] {
  const path = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return [...path, '/usr/local/sbin', '/usr/sbin'];
}

export async function findExecutable(name: string, directories = searchPath()): Promise<string | undefined> {
  for (const directory of directories) {
    const candidate = join(directory, name);
    const executable = await access(candidate, constants.X_OK).then(
      () => true,
      () => false,
    );
    if (executable) return candidate;
  }
  return undefined;
}

export interface NatsServerOptions {
  port: number;
  storeDir: string;
  output: Output;
  readyTimeoutMs?: number;
}

/** Starts nats-server with JetStream on 127.0.0.1 and waits until JetStream answers. */
export async function startNatsServer(options: NatsServerOptions): Promise<StartedServer> {
  const binary = await findExecutable('nats-server');
  if (!binary) throw new LauncherError(MISSING_NATS_SERVER);
  await mkdir(options.storeDir, { recursive: true });
  const url = `nats://127.0.0.1:${options.port}`;
  const child = spawnLogged({
    name: 'nats',
    command: binary,
    args: ['-js', '-sd', options.storeDir, '-a', '127.0.0.1', '-p', String(options.port)],
    output: options.output,
  });
  const stop = () => stopChild(child, 10_000);
  try {
    await waitUntil(async () => (await probeNats(url)) === 'jetstream', {
      what: `nats-server on port ${options.port}`,
      timeoutMs: options.readyTimeoutMs ?? 15_000,
      failure: () => (hasExited(child) ? `exited with code ${child.exitCode ?? child.signalCode}` : undefined),
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, startedHere: true, stop };
}

function requireJetStream(url: string, state: NatsState): void {
  if (state === 'no-jetstream') {
    throw new LauncherError(`NATS at ${url} answers but JetStream is not enabled: start nats-server with -js.`);
  }
  if (state === 'unreachable') throw new LauncherError(`No NATS server answers at NATS_URL=${url}.`);
}

/**
 * The NATS the services will use: NATS_URL if set, else a local server on the default port,
 * else a nats-server started here with its JetStream store under `.data/nats`.
 */
export async function resolveNats(env: NodeJS.ProcessEnv, root: string, output: Output): Promise<StartedServer> {
  const configured = env.NATS_URL?.trim();
  const url = configured || DEFAULT_NATS_URL;
  const state = await probeNats(url);
  if (configured || state !== 'unreachable') {
    requireJetStream(url, state);
    output('launcher', `using NATS at ${url}`);
    return { url, startedHere: false, stop: async () => undefined };
  }
  output('launcher', `no NATS at ${url}: starting nats-server with JetStream in .data/nats`);
  return startNatsServer({ port: DEFAULT_NATS_PORT, storeDir: join(root, '.data', 'nats'), output });
}
