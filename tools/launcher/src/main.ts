import { once } from 'node:events';
import { networkInterfaces } from 'node:os';
import { ConfigError, loadConfig, type Config } from '@voltstream/config';
import {
  APP_NAMES,
  consoleOutput,
  isPortFree,
  LauncherError,
  repoRoot,
  resolveNats,
  resolvePostgres,
  startServices,
} from '@voltstream/launcher';

const output = consoleOutput;
const say = (text: string) => output('launcher', text);

/** The first IPv4 address of this machine on a network, which a wallbox there can reach. */
function networkAddress(): string | undefined {
  const addresses = Object.values(networkInterfaces()).flat();
  return addresses.find((address) => address && address.family === 'IPv4' && !address.internal)?.address;
}

async function requireFreePorts(config: Config): Promise<void> {
  for (const [variable, port] of [
    ['GATEWAY_PORT', config.gatewayPort],
    ['API_PORT', config.apiPort],
  ] as const) {
    if (!(await isPortFree(port))) throw new LauncherError(`Port ${port} is in use: set ${variable} to another port.`);
  }
}

function printWhereThingsAre(config: Config): void {
  const scheme = config.tlsCertFile ? 'wss' : 'ws';
  const ocpp = (host: string) => `${scheme}://${host}:${config.gatewayPort}/ocpp/<identity>`;
  const api = `http://localhost:${config.apiPort}`;
  const host = networkAddress();
  say('Voltstream is running.');
  say(`  Wallboxes (OCPP 1.6J):  ${ocpp(host ?? 'localhost')}${host ? `  (on this machine: ${ocpp('localhost')})` : ''}`);
  say(`  Dashboard:              ${api}/`);
  say(`  REST API:               ${api}/api  (Authorization: Bearer <token>)`);
  say(`  API docs (OpenAPI):     ${api}/api/docs`);
  say(`  GraphQL:                ${api}/graphql`);
  say(config.apiToken ? '  API token:              the API_TOKEN you set' : '  API token:              printed by the api above');
  say('Stop with Ctrl-C.');
}

async function untilAborted(signal: AbortSignal): Promise<void> {
  if (!signal.aborted) await once(signal, 'abort');
}

async function runVoltstream(stopping: AbortSignal): Promise<void> {
  const config = loadConfig(process.env);
  await requireFreePorts(config);
  const root = repoRoot();
  const started: Array<{ stop(): Promise<void> }> = [];
  try {
    const postgres = await resolvePostgres(process.env, root, output);
    started.push(postgres);
    stopping.throwIfAborted();
    const nats = await resolveNats(process.env, root, output);
    started.push(nats);
    stopping.throwIfAborted();
    const env = {
      DATABASE_URL: postgres.url,
      NATS_URL: nats.url,
      GATEWAY_PORT: String(config.gatewayPort),
      API_PORT: String(config.apiPort),
    };
    started.push(await startServices(env, APP_NAMES, { root, restart: true, output, signal: stopping }));
    printWhereThingsAre(config);
    await untilAborted(stopping);
  } finally {
    say('stopping');
    for (const server of started.reverse()) await server.stop();
    say('stopped');
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

function main(): void {
  const stopping = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping.signal.aborted) return say(`${signal}: already stopping, please wait`);
    say(`${signal}: stopping the services, then what the launcher started`);
    stopping.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  runVoltstream(stopping.signal).then(
    () => process.exit(0),
    (error: unknown) => {
      if (isAbort(error)) process.exit(0);
      const known = error instanceof LauncherError || error instanceof ConfigError;
      output('launcher', known ? (error as Error).message : String((error as Error)?.stack ?? error), 'stderr');
      process.exit(1);
    },
  );
}

main();
