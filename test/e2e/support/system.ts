import { connectNats } from '@voltstream/nats';
import { subjectsFor } from '@voltstream/contracts';
import { dropDatabase } from '@voltstream/read-models';
import { testEnv, uniqueNamespace } from '@voltstream/testing';
import { startServices, type AppName, type Output, type RunningServices } from '@voltstream/launcher';

const TOKEN = 'e2e-operator-token';
const API_TIMEOUT_MS = 15_000;

interface ApiInit {
  method?: string;
  body?: unknown;
  token?: string | null;
}

export interface System {
  namespace: string;
  services: RunningServices;
  env: Record<string, string>;
  /** Calls the operator API with the bearer token; parses JSON. */
  api<T = unknown>(path: string, init?: ApiInit): Promise<{ status: number; body: T }>;
  /** As `api`, with request headers of the caller's and the response's headers. */
  exchange<T = unknown>(path: string, init?: ApiInit & { headers?: Record<string, string> }): Promise<{ status: number; body: T; headers: Headers }>;
  stop(): Promise<void>;
}

/**
 * The whole system, started from dist/ as separate processes, in a namespace and database of its own;
 * `apps` leaves out the others (e.g. the state projection, so that the read models stand still); with
 * `restart`, a service that dies is started again, as `npm start` does; `output` gets every line
 * the services write (by default: their errors only).
 */
export async function startSystem(
  overrides: Record<string, string> = {},
  apps?: AppName[],
  { restart = false, output = quietOutput }: { restart?: boolean; output?: Output } = {},
): Promise<System> {
  const namespace = uniqueNamespace();
  const env = testEnv(namespace, { API_TOKEN: TOKEN, ...overrides });
  const services = await startServices(env, apps, { output, restart });
  const exchange: System['exchange'] = async (path, init = {}) => {
    const token = init.token === undefined ? TOKEN : init.token;
    const response = await fetch(`${services.apiUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      // A request that hangs fails, so that a polling test retries rather than waits for ever.
      signal: AbortSignal.timeout(API_TIMEOUT_MS),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as never, headers: response.headers };
  };
  const api: System['api'] = async (path, init) => {
    const { status, body } = await exchange(path, init);
    return { status, body: body as never };
  };
  return {
    namespace,
    services,
    env,
    api,
    exchange,
    stop: async () => {
      await services.stop();
      await dropDatabase(env.DATABASE_URL);
      await deleteNamespace(env.NATS_URL, namespace);
    },
  };
}

/** Deletes the streams, KeyValue buckets and object stores of a namespace. */
export async function deleteNamespace(natsUrl: string, namespace: string): Promise<void> {
  const nc = await connectNats(natsUrl, 'e2e-cleanup');
  const jsm = await nc.jetstreamManager();
  const prefix = subjectsFor(namespace).eventsStream.replace(/VS_EVENTS$/, '');
  for await (const stream of jsm.streams.list()) {
    const name = stream.config.name;
    if (name.startsWith(prefix) || name.startsWith(`KV_${namespace}_`) || name.startsWith(`OBJ_${namespace}_`)) await jsm.streams.delete(name);
  }
  await nc.close();
}

/** Service output in tests: errors only, everything with E2E_VERBOSE set. */
export function quietOutput(source: string, line: string, stream?: 'stdout' | 'stderr'): void {
  if (stream === 'stderr' || process.env.E2E_VERBOSE) process.stderr.write(`[${source}] ${line}\n`);
}
