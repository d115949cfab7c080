import { consoleOutput, resolveNats, resolvePostgres, repoRoot, type StartedServer } from '@voltstream/launcher';

/**
 * Finds or starts the test infrastructure the way `npm start` does: Postgres at DATABASE_URL, else
 * on PGPORT or 5432, else an embedded one (data in .data/test-postgres); NATS at NATS_URL, else on
 * 4222, else `nats-server` from the PATH. Every test file then reads DATABASE_URL and NATS_URL.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const root = repoRoot();
  const started: StartedServer[] = [];
  const postgres = await resolvePostgres(process.env, root, consoleOutput, 'test-postgres');
  started.push(postgres);
  try {
    started.push(await resolveNats(process.env, root, consoleOutput));
  } catch (error) {
    await postgres.stop();
    throw error;
  }
  process.env.DATABASE_URL = postgres.url;
  process.env.NATS_URL = started[1].url;
  return async () => {
    for (const server of started.reverse()) await server.stop();
  };
}
