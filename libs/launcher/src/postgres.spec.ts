import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded-postgres';
import type { Output } from './output';
import { freePort } from './ports';
import { postgresAnswers, redactUrl, resolvePostgres } from './postgres';

const MACHINE_POSTGRES = 'postgres://postgres@127.0.0.1:5432/voltstream';
const output: Output = () => undefined;
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A temp folder the postgres user can enter: as root the cluster runs as that user. */
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vs-pg-'));
  await chmod(dir, 0o755);
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url.replace(/\/voltstream$/, '/postgres') });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('postgresAnswers', () => {
  it('finds the Postgres server of this machine, whether or not the database exists yet', async () => {
    expect(await postgresAnswers(MACHINE_POSTGRES)).toBe(true);
    expect(await postgresAnswers('postgres://postgres@127.0.0.1:5432/voltstream_never_created')).toBe(true);
  });

  it('is false where nothing listens', async () => {
    expect(await postgresAnswers(`postgres://postgres@127.0.0.1:${await freePort()}/voltstream`)).toBe(false);
  });

  it('throws when the server answers but refuses the user', async () => {
    await expect(postgresAnswers('postgres://no_such_voltstream_role@127.0.0.1:5432/voltstream')).rejects.toThrow(
      /refuses the connection/,
    );
  });
});

describe('redactUrl', () => {
  it('hides the password of a URL', () => {
    expect(redactUrl('postgres://app:secret@db:5432/voltstream')).toBe('postgres://app:***@db:5432/voltstream');
  });
});

describe('resolvePostgres', () => {
  it('uses the Postgres of this machine on the default port without starting one', async () => {
    const server = await resolvePostgres({}, await tempDir(), output);
    expect(server).toMatchObject({ url: MACHINE_POSTGRES, startedHere: false });
  });

  it('refuses a DATABASE_URL where nothing answers rather than starting one', async () => {
    const url = `postgres://postgres@127.0.0.1:${await freePort()}/voltstream`;
    await expect(resolvePostgres({ DATABASE_URL: url }, await tempDir(), output)).rejects.toThrow(/No Postgres answers/);
  });
});

describe('startEmbeddedPostgres', () => {
  it('initialises a cluster in an empty folder, serves it on the port, and keeps its data across a restart', async () => {
    const dataDir = join(await tempDir(), 'postgres');
    const port = await freePort();

    const first = await startEmbeddedPostgres({ dataDir, port, output });
    cleanups.push(() => first.stop());
    expect(first).toMatchObject({ url: `postgres://postgres@127.0.0.1:${port}/voltstream`, startedHere: true });
    expect(await postgresAnswers(first.url)).toBe(true);
    await query(first.url, 'CREATE TABLE kept (value text); INSERT INTO kept VALUES ($$across restarts$$)');
    await first.stop();
    expect(await postgresAnswers(first.url)).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir, port, output });
    cleanups.push(() => second.stop());
    expect(await query(second.url, 'SELECT value FROM kept')).toEqual([{ value: 'across restarts' }]);
  }, 120_000);

  it('takes over a cluster still running in the folder, on its own port', async () => {
    const dataDir = join(await tempDir(), 'postgres');
    const port = await freePort();
    const running = await startEmbeddedPostgres({ dataDir, port, output });
    cleanups.push(() => running.stop());

    const again = await startEmbeddedPostgres({ dataDir, port: await freePort(), output });
    expect(again.url).toBe(running.url);
    expect(await postgresAnswers(again.url)).toBe(true);
  }, 120_000);
});
