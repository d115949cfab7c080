import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryPoint, freePort, repoRoot, spawnLogged, stopChild } from '@voltstream/launcher';
import { dropDatabase, ensureDatabase, MIGRATION_LOCK, openReadModels } from '@voltstream/read-models';
import { testEnv, uniqueNamespace } from '@voltstream/testing';
import { deleteNamespace } from './support/system';
import { eventually } from './support/wallboxes';

const NOT_MIGRATED = { status: 503, body: { status: 'not ready', reason: expect.stringContaining('not migrated yet') } };
const PROBES = 5;

describe('authorization readiness on a fresh database whose migrations have not run (from dist, real Postgres)', () => {
  const namespace = uniqueNamespace();
  const env = testEnv(namespace, { LOG_LEVEL: 'debug', LOG_FORMAT: 'json' });
  const lines: string[] = [];
  /** Holds the migration lock of the new database, as a state-projection migrating it does. */
  const migrator = new Client({ connectionString: env.DATABASE_URL });
  let authorization: ChildProcess | undefined;
  let readyUrl: string;

  const probe = async () => {
    const response = await fetch(readyUrl);
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const errorsLogged = () => lines.map((line) => JSON.parse(line) as { level: string }).filter((line) => line.level === 'error' || line.level === 'fatal');

  beforeAll(async () => {
    await ensureDatabase(env.DATABASE_URL);
    await migrator.connect();
    await migrator.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const port = await freePort();
    readyUrl = `http://127.0.0.1:${port}/health/ready`;
    authorization = spawnLogged({
      name: 'authorization',
      command: process.execPath,
      args: [entryPoint('authorization')],
      cwd: repoRoot(),
      env: { ...process.env, ...env, HEALTH_PORT: String(port) },
      output: (_source, line) => void lines.push(line),
    });
  });
  afterAll(async () => {
    await migrator.end();
    if (authorization) await stopChild(authorization, 15_000);
    await dropDatabase(env.DATABASE_URL);
    await deleteNamespace(env.NATS_URL, namespace);
  });

  it('answers not ready, naming the missing migrations, on every probe, and logs no error', async () => {
    await eventually(async () => expect(await probe()).toEqual(NOT_MIGRATED));
    for (let asked = 1; asked < PROBES; asked++) expect(await probe()).toEqual(NOT_MIGRATED);
    expect(errorsLogged()).toEqual([]);
  });

  it('becomes ready once the migrations have run, without a restart', async () => {
    await migrator.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    const readModels = await openReadModels(env.DATABASE_URL);
    await readModels.destroy();
    await eventually(async () => expect(await probe()).toEqual({ status: 200, body: { status: 'ready', pending: 0, parked: 0 } }));
    expect(errorsLogged()).toEqual([]);
  });
});
