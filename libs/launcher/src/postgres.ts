import { join } from 'node:path';
import { Client, DatabaseError } from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';
import { LauncherError } from './errors';
import type { Output } from './output';
import { firstFreePort } from './ports';
import type { StartedServer } from './server';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/voltstream';
const EMBEDDED_PORTS = [5432, 54329];

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/**
 * Whether a Postgres server answers at the URL. Its `postgres` database is asked, since the
 * services create the Voltstream database themselves. Throws when the server answers but
 * refuses the connection (wrong password, no such user): starting another would not help.
 */
export async function postgresAnswers(url: string): Promise<boolean> {
  const server = new URL(url);
  server.pathname = '/postgres';
  const client = new Client({ connectionString: server.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (error) {
    if (!(error instanceof DatabaseError)) return false;
    throw new LauncherError(`Postgres at ${redactUrl(url)} refuses the connection: ${error.message}`);
  }
  await client.end();
  return true;
}

/** The default URL, on the port of PGPORT (libpq's variable) when set. */
function defaultDatabaseUrl(env: NodeJS.ProcessEnv): string {
  const url = new URL(DEFAULT_DATABASE_URL);
  if (env.PGPORT?.trim()) url.port = env.PGPORT.trim();
  return url.toString();
}

/**
 * The Postgres the services will use: DATABASE_URL if set, else a local server on the default
 * port (PGPORT, else 5432), else an embedded one on that port (or another free one) with its data
 * under `.data/<dataDirName>`.
 */
export async function resolvePostgres(env: NodeJS.ProcessEnv, root: string, output: Output, dataDirName = 'postgres'): Promise<StartedServer> {
  const configured = env.DATABASE_URL?.trim();
  const url = configured || defaultDatabaseUrl(env);
  const answers = await postgresAnswers(url);
  if (configured && !answers) throw new LauncherError(`No Postgres answers at DATABASE_URL=${redactUrl(url)}.`);
  if (answers) {
    output('launcher', `using Postgres at ${redactUrl(url)}`);
    return { url, startedHere: false, stop: async () => undefined };
  }
  output('launcher', `no Postgres at ${redactUrl(url)}: starting an embedded one in .data/${dataDirName}`);
  const server = await startEmbeddedPostgres({
    dataDir: join(root, '.data', dataDirName),
    port: await firstFreePort([Number(new URL(url).port), ...EMBEDDED_PORTS]),
    output,
  });
  if (!(await postgresAnswers(server.url))) {
    await server.stop();
    throw new LauncherError(`Embedded Postgres started but does not answer at ${server.url}.`);
  }
  return server;
}
