import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { APP_HEALTH, APP_NAMES, entryPoint, type AppName } from './apps';
import { spawnLogged, stopChild } from './child';
import { LauncherError } from './errors';
import { consoleOutput, type Output } from './output';
import { freePorts } from './ports';
import { repoRoot } from './root';
import { waitUntil } from './wait';

export interface ServicesOptions {
  /** Repository root whose `dist/apps/<app>/src/main.js` are started; found from this file by default. */
  root?: string;
  /** Restart a service that exits unexpectedly, with growing delays (default false: report it). */
  restart?: boolean;
  readyTimeoutMs?: number;
  /** How long a service has after SIGTERM before it gets SIGKILL. */
  stopGraceMs?: number;
  output?: Output;
  /** Aborting stops the services that were started and rejects. */
  signal?: AbortSignal;
}

export interface RunningServices {
  readonly apps: readonly AppName[];
  readonly gatewayPort: number;
  readonly apiPort: number;
  /** Base URL of the gateway's `ws://` endpoint (GATEWAY_PORT; `wss://` is on GATEWAY_TLS_PORT); a charge point connects to `${ocppUrl}/${identity}`. */
  readonly ocppUrl: string;
  /** Base URL of the api's HTTP server (REST under /api, GraphQL at /graphql). */
  readonly apiUrl: string;
  /** Base URL (`http://127.0.0.1:port`) of an app's health endpoints. */
  healthUrl(app: AppName): string;
  /** Stops every service: SIGTERM, then SIGKILL after the grace period. */
  stop(): Promise<void>;
}

const FIRST_RESTART_DELAY_MS = 1000;
const MAX_RESTART_DELAY_MS = 30_000;
/** A service that ran this long before exiting starts its restart delays from the first again. */
const STABLE_RUN_MS = 60_000;

interface Policy {
  restart: boolean;
  stopGraceMs: number;
  output: Output;
}

/** One service process, restarted with backoff when it exits unexpectedly and the policy says so. */
class SupervisedService {
  /** Why the service is gone for good, when it exited and is not restarted. */
  failure: string | undefined;
  private child: ChildProcess | undefined;
  private stopping = false;
  private restarts = 0;
  private startedAt = 0;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly app: AppName,
    private readonly launch: () => ChildProcess,
    private readonly policy: Policy,
  ) {}

  start(): void {
    this.startedAt = Date.now();
    const child = this.launch();
    this.child = child;
    child.once('exit', (code, signal) => this.onExit(signal ? `was killed by ${signal}` : `exited with code ${code}`));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    if (this.child) await stopChild(this.child, this.policy.stopGraceMs);
  }

  private onExit(how: string): void {
    if (this.stopping) return;
    if (!this.policy.restart) {
      this.failure = how;
      this.policy.output('launcher', `${this.app} ${how}`, 'stderr');
      return;
    }
    if (Date.now() - this.startedAt > STABLE_RUN_MS) this.restarts = 0;
    const delay = Math.min(FIRST_RESTART_DELAY_MS * 2 ** this.restarts, MAX_RESTART_DELAY_MS);
    this.restarts += 1;
    this.policy.output('launcher', `${this.app} ${how}; restarting it in ${delay / 1000} s`, 'stderr');
    this.restartTimer = setTimeout(() => this.start(), delay);
  }
}

function configuredPort(value: string | undefined): number | undefined {
  const port = Number(value);
  return value && Number.isInteger(port) && port > 0 ? port : undefined;
}

/** GATEWAY_PORT and API_PORT as configured (free ports when unset or 0), a free HEALTH_PORT for each other app. */
async function assignPorts(env: Record<string, string>): Promise<Record<AppName, number>> {
  const [gateway, api, authorization, projection] = await freePorts(4);
  return {
    'ocpp-gateway': configuredPort(env.GATEWAY_PORT) ?? gateway,
    api: configuredPort(env.API_PORT) ?? api,
    authorization,
    'state-projection': projection,
  };
}

function appEnv(app: AppName, env: Record<string, string>, ports: Record<AppName, number>): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = {
    ...process.env,
    ...env,
    GATEWAY_PORT: String(ports['ocpp-gateway']),
    API_PORT: String(ports.api),
  };
  delete merged.HEALTH_PORT;
  if (APP_HEALTH[app].portVariable === 'HEALTH_PORT') merged.HEALTH_PORT = String(ports[app]);
  return merged;
}

function assertBuilt(root: string, apps: readonly AppName[]): void {
  const missing = apps.map(entryPoint).filter((entry) => !existsSync(join(root, entry)));
  if (missing.length > 0) throw new LauncherError(`${missing.join(', ')} missing: build first (npm run build).`);
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

function launcher(app: AppName, root: string, env: NodeJS.ProcessEnv, output: Output): () => ChildProcess {
  return () =>
    spawnLogged({ name: app, command: process.execPath, args: ['--enable-source-maps', entryPoint(app)], cwd: root, env, output });
}

function describeRunning(services: SupervisedService[], ports: Record<AppName, number>): RunningServices {
  return {
    apps: services.map((service) => service.app),
    gatewayPort: ports['ocpp-gateway'],
    apiPort: ports.api,
    ocppUrl: `ws://127.0.0.1:${ports['ocpp-gateway']}/ocpp`,
    apiUrl: `http://127.0.0.1:${ports.api}`,
    healthUrl: (app) => `http://127.0.0.1:${ports[app]}`,
    stop: async () => {
      for (const service of [...services].reverse()) await service.stop();
    },
  };
}

/** Waits until every service answers its readiness endpoint; gives up on the first that cannot. */
async function waitUntilReady(services: SupervisedService[], running: RunningServices, options: ServicesOptions): Promise<void> {
  const giveUp = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, giveUp.signal]) : giveUp.signal;
  const readyUrl = (app: AppName) => `${running.healthUrl(app)}${APP_HEALTH[app].readyPath}`;
  try {
    await Promise.all(
      services.map((service) =>
        waitUntil(() => answers(readyUrl(service.app)), {
          what: `${service.app} (${readyUrl(service.app)})`,
          timeoutMs: options.readyTimeoutMs ?? 60_000,
          intervalMs: 250,
          signal,
          failure: () => service.failure,
        }),
      ),
    );
  } finally {
    giveUp.abort();
  }
}

/**
 * Starts the services from the built `dist/` as child processes with the given environment
 * (over this process's own) and resolves once each answers its readiness endpoint.
 * GATEWAY_PORT and API_PORT are used when set, else free ports are chosen; each service without
 * an HTTP port of its own gets a free HEALTH_PORT.
 */
export async function startServices(
  env: Record<string, string>,
  apps: readonly AppName[] = APP_NAMES,
  options: ServicesOptions = {},
): Promise<RunningServices> {
  const root = options.root ?? repoRoot();
  const output = options.output ?? consoleOutput;
  assertBuilt(root, apps);
  const ports = await assignPorts(env);
  const policy: Policy = { restart: options.restart ?? false, stopGraceMs: options.stopGraceMs ?? 15_000, output };
  const services = APP_NAMES.filter((app) => apps.includes(app)).map(
    (app) => new SupervisedService(app, launcher(app, root, appEnv(app, env, ports), output), policy),
  );
  const running = describeRunning(services, ports);
  services.forEach((service) => service.start());
  try {
    await waitUntilReady(services, running, options);
  } catch (error) {
    await running.stop();
    throw error;
  }
  return running;
}
