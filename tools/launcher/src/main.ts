import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { ConfigError, gatewayBaseUrl, loadConfig, type Config } from '@voltstream/config';
import {
  APP_NAMES,
  consoleOutput,
  ensureDevelopmentTls,
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
    ['GATEWAY_TLS_PORT', config.gatewayTlsPort],
    ['API_PORT', config.apiPort],
  ] as const) {
    if (port !== null && !(await isPortFree(port))) throw new LauncherError(`Port ${port} is in use: set ${variable} to another port.`);
  }
}

/**
 * The operator API's token: API_TOKEN, or one made here and handed to the api, so that the banner
 * shows it beside the URLs and an api restarted by the launcher keeps it.
 */
function apiToken(config: Config): string {
  return config.apiToken ?? randomBytes(24).toString('base64url');
}

function printWhereThingsAre(config: Config, token: string): void {
  const ocpp = (host: string) => `${gatewayBaseUrl(config, host)}/ocpp/<identity>`;
  const api = `http://localhost:${config.apiPort}`;
  const host = networkAddress();
  say('Voltstream is running.');
  say(`  Wallboxes (OCPP 1.6J):  ${ocpp(host ?? 'localhost')}${host ? `  (on this machine: ${ocpp('localhost')})` : ''}`);
  say(`  Dashboard:              ${api}/`);
  say(`  REST API:               ${api}/api  (Authorization: Bearer <token>)`);
  say(`  API docs (OpenAPI):     ${api}/api/docs`);
  say(`  GraphQL:                ${api}/graphql`);
  say(`  API token:              ${config.apiToken ? 'the API_TOKEN you set' : token}`);
  say(`  Try:                    curl -H 'Authorization: Bearer ${config.apiToken ? '$API_TOKEN' : token}' ${api}/api/charge-points`);
  say('Stop with Ctrl-C.');
}

/**
 * `--tls`: a development CA and server certificate under .data/tls (made once, then kept), served
 * on GATEWAY_TLS_PORT beside ws://; @returns the TLS variables for the services.
 */
async function developmentTls(root: string): Promise<Record<string, string>> {
  const hosts = ['localhost', '127.0.0.1', hostname(), ...(networkAddress() ? [networkAddress() as string] : [])];
  const tls = await ensureDevelopmentTls(join(root, '.data', 'tls'), hosts);
  say(`${tls.created ? 'made' : 'using'} a development CA and server certificate in ${join(root, '.data', 'tls')} (for ${hosts.join(', ')})`);
  say(`  Give a wallbox the CA certificate to trust: ${tls.caFile}`);
  say(`  Security profile 2: wss:// with the charge point's password (PUT /api/charge-points/<identity> {"securityProfile": 2, "password": …})`);
  say(`  Security profile 3: a client certificate with CN=<identity>, signed by ${tls.caFile} (key ${tls.caKeyFile}): {"securityProfile": 3}`);
  return { TLS_CERT_FILE: tls.certFile, TLS_KEY_FILE: tls.keyFile, TLS_CLIENT_CA_FILE: tls.caFile };
}

async function untilAborted(signal: AbortSignal): Promise<void> {
  if (!signal.aborted) await once(signal, 'abort');
}

async function runVoltstream(stopping: AbortSignal): Promise<void> {
  const root = repoRoot();
  const tlsEnv = process.argv.includes('--tls') ? await developmentTls(root) : {};
  const config = loadConfig({ ...process.env, ...tlsEnv });
  if (config.gatewayPort === null) throw new LauncherError('npm start checks the gateway over ws://: leave GATEWAY_PORT on (GATEWAY_TLS_PORT serves wss:// beside it)');
  await requireFreePorts(config);
  const token = apiToken(config);
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
      ...tlsEnv,
      API_TOKEN: token,
      // The services write into the launcher's pipe: readable lines when the launcher is in a terminal.
      LOG_FORMAT: config.logFormat,
    };
    started.push(await startServices(env, APP_NAMES, { root, restart: true, output, signal: stopping }));
    printWhereThingsAre(config, token);
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
