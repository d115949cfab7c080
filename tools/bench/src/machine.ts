import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { cpus, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import { connect } from 'nats';
import { Client } from 'pg';

export interface MachineInfo {
  cpuCount: number;
  cpuModel: string;
  totalMemoryBytes: number;
  platform: string;
  release: string;
}

export interface Versions {
  node: string;
  voltstream: string | null;
  gitCommit: string | null;
  ws: string | null;
  nats: string | null;
  typeorm: string | null;
  pg: string | null;
  natsServer: string | null;
  postgres: string | null;
}

export function machineInfo(): MachineInfo {
  const cores = cpus();
  return { cpuCount: cores.length, cpuModel: cores[0]?.model ?? 'unknown', totalMemoryBytes: totalmem(), platform: platform(), release: release() };
}

/** Milliseconds that all the machine's CPUs together spent busy, and in all, since it started. */
function cpuTime(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    const working = times.user + times.nice + times.sys + times.irq;
    busy += working;
    total += working + times.idle;
  }
  return { busy, total };
}

/** How busy the machine's CPUs were from `from` to `until` (epoch ms), in %. */
export async function machineBusy(from: number, until: number): Promise<number | null> {
  await delay(Math.max(0, from - Date.now()));
  const start = cpuTime();
  await delay(Math.max(0, until - Date.now()));
  const end = cpuTime();
  const total = end.total - start.total;
  return total > 0 ? (100 * (end.busy - start.busy)) / total : null;
}

async function packageVersion(root: string, name: string): Promise<string | null> {
  const folder = name === '' ? root : join(root, 'node_modules', name);
  const text = await readFile(join(folder, 'package.json'), 'utf8').catch(() => null);
  return text === null ? null : (JSON.parse(text) as { version?: string }).version ?? null;
}

async function gitCommit(root: string): Promise<string | null> {
  const result = await promisify(execFile)('git', ['rev-parse', 'HEAD'], { cwd: root }).catch(() => null);
  return result ? result.stdout.trim() : null;
}

async function natsServerVersion(natsUrl: string): Promise<string | null> {
  const nc = await connect({ servers: natsUrl, reconnect: false, timeout: 3000 }).catch(() => null);
  if (!nc) return null;
  const version = nc.info?.version ?? null;
  await nc.close();
  return version;
}

async function postgresVersion(databaseServerUrl: string): Promise<string | null> {
  const client = new Client({ connectionString: databaseServerUrl, connectionTimeoutMillis: 3000 });
  const connected = await client.connect().then(
    () => true,
    () => false,
  );
  if (!connected) return null;
  try {
    const result = await client.query<{ server_version: string }>('SHOW server_version');
    return result.rows[0]?.server_version ?? null;
  } finally {
    await client.end();
  }
}

/** Versions of everything a figure depends on, so that runs can be compared. */
export async function versions(root: string, natsUrl: string, databaseServerUrl: string): Promise<Versions> {
  const [voltstream, ws, nats, typeorm, pg, commit, natsServer, postgres] = await Promise.all([
    packageVersion(root, ''),
    packageVersion(root, 'ws'),
    packageVersion(root, 'nats'),
    packageVersion(root, 'typeorm'),
    packageVersion(root, 'pg'),
    gitCommit(root),
    natsServerVersion(natsUrl),
    postgresVersion(databaseServerUrl),
  ]);
  return { node: process.version, voltstream, gitCommit: commit, ws, nats, typeorm, pg, natsServer, postgres };
}
