import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { entryPoint, freePort, startServices, type AppName, type Output, type RunningServices } from '@voltstream/launcher';
import { step, type ScenarioContext } from './context';
import { benchDatabaseUrl } from './namespace';

const STOP_GRACE_MS = 10_000;
const READY_TIMEOUT_MS = 60_000;

export interface DeploymentOptions {
  namespace: string;
  /** The services besides the gateway. */
  services: AppName[];
  /** Gateway processes, each on a port of its own (0: no gateway). */
  gateways: number;
  env?: Record<string, string>;
  /** Settings of each gateway process on top of `env`, by its index. */
  gatewayEnv?: Record<string, string>[];
}

export { entryPoint };

/**
 * Voltstream as the benchmark runs it: every charge point is adopted at its first boot with start
 * mode `anyTag`, so that boots, authorizations and transactions are all accepted.
 */
export function benchEnv(context: ScenarioContext, namespace: string, apiToken: string): Record<string, string> {
  return {
    NATS_URL: context.natsUrl,
    DATABASE_URL: benchDatabaseUrl(context.postgresUrl, namespace),
    VOLTSTREAM_NAMESPACE: namespace,
    LOG_LEVEL: 'warn',
    UNKNOWN_CHARGE_POINTS: 'accept',
    DEFAULT_START_MODE: 'anyTag',
    GATEWAY_HOST: '127.0.0.1',
    API_TOKEN: apiToken,
  };
}

function logOutput(context: ScenarioContext, namespace: string): Output {
  const log = createWriteStream(join(context.logDir, `voltstream-${namespace}.log`), { flags: 'a' });
  context.onCleanup(async () => void log.end());
  return (source, text) => void log.write(`${source}| ${text}\n`);
}

/** The pid of the child of this process that runs `script` with `variable=value`: the gateway on a port. */
async function childPid(script: string, variable: string): Promise<number | undefined> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (parent !== process.pid) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    const environ = await readFile(`/proc/${entry}/environ`, 'utf8').catch(() => '');
    if (cmdline.includes(script) && environ.split('\0').includes(variable)) return Number(entry);
  }
  return undefined;
}

/** Voltstream's services for one scenario, in the scenario's namespace and database. */
export class Deployment {
  private gateways: RunningServices[] = [];
  private others: RunningServices | undefined;

  private constructor(
    private readonly context: ScenarioContext,
    private readonly env: Record<string, string>,
    private readonly output: Output,
    private readonly gatewayPorts: number[],
    readonly apiToken: string,
    private readonly gatewayEnv: Record<string, string>[],
  ) {}

  /** Starts the services, then the gateways, and registers their stop. */
  static async start(context: ScenarioContext, options: DeploymentOptions): Promise<Deployment> {
    const apiToken = randomBytes(16).toString('hex');
    const env = { ...benchEnv(context, options.namespace, apiToken), ...options.env };
    const ports: number[] = [];
    for (let index = 0; index < options.gateways; index++) ports.push(await freePort());
    const deployment = new Deployment(context, env, logOutput(context, options.namespace), ports, apiToken, options.gatewayEnv ?? []);
    context.onCleanup(() => deployment.stop());
    step(context, `starting Voltstream (${[...options.services, ...(options.gateways ? [`${options.gateways}× ocpp-gateway`] : [])].join(', ')})`);
    if (options.services.length > 0) deployment.others = await deployment.launch(env, options.services);
    await deployment.startGateways();
    return deployment;
  }

  get ocppUrls(): string[] {
    return this.gatewayPorts.map((port) => `ws://127.0.0.1:${port}/ocpp`);
  }

  get apiUrl(): string {
    if (!this.others?.apps.includes('api')) throw new Error('the api is not part of this deployment');
    return this.others.apiUrl;
  }

  async startGateways(): Promise<void> {
    this.gateways = await Promise.all(
      this.gatewayPorts.map((port, index) => this.launch({ ...this.env, ...this.gatewayEnv[index], GATEWAY_PORT: String(port) }, ['ocpp-gateway'])),
    );
  }

  async stopGateways(): Promise<void> {
    const stopping = this.gateways;
    this.gateways = [];
    await Promise.all(stopping.map((gateway) => gateway.stop()));
  }

  /** The pids of the gateway processes, in the order of their ports (for their resident memory and CPU time). */
  async gatewayPids(): Promise<number[]> {
    const pids = await Promise.all(this.gatewayPorts.map((port) => childPid(entryPoint('ocpp-gateway'), `GATEWAY_PORT=${port}`)));
    return pids.filter((pid): pid is number => pid !== undefined);
  }

  async stop(): Promise<void> {
    await this.stopGateways();
    await this.others?.stop();
    this.others = undefined;
  }

  private launch(env: Record<string, string>, apps: AppName[]): Promise<RunningServices> {
    return startServices(env, apps, {
      root: this.context.root,
      output: this.output,
      stopGraceMs: STOP_GRACE_MS,
      readyTimeoutMs: READY_TIMEOUT_MS,
    });
  }
}
