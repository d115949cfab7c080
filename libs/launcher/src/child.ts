import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import type { Output, Stream } from './output';

export interface SpawnLoggedOptions {
  name: string;
  command: string;
  args: readonly string[];
  output: Output;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  uid?: number;
  gid?: number;
}

function forwardLines(source: string, stream: Readable | null, output: Output, kind: Stream): void {
  if (!stream) return;
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => output(source, line, kind));
}

/**
 * Spawns a process whose every output line is written with its name in front.
 * It gets a process group of its own, so a Ctrl-C in the terminal reaches only the launcher,
 * which then stops everything in order.
 */
export function spawnLogged(options: SpawnLoggedOptions): ChildProcess {
  const spawnOptions: SpawnOptions = {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    uid: options.uid,
    gid: options.gid,
  };
  const child = spawn(options.command, [...options.args], spawnOptions);
  forwardLines(options.name, child.stdout, options.output, 'stdout');
  forwardLines(options.name, child.stderr, options.output, 'stderr');
  child.on('error', (error) => options.output(options.name, `could not start: ${error.message}`, 'stderr'));
  return child;
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Resolves once the process has exited (at once if it already has). */
export async function exited(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return;
  await once(child, 'close');
}

/** SIGTERM, then SIGKILL if the process is still there after the grace period. */
export async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (hasExited(child) || child.pid === undefined) return;
  const grace = new AbortController();
  child.kill('SIGTERM');
  const killed = delay(graceMs, undefined, { signal: grace.signal }).then(
    () => child.kill('SIGKILL'),
    () => undefined,
  );
  await exited(child);
  grace.abort();
  await killed;
}

/** Runs a process to its end and returns its exit code. */
export async function run(options: SpawnLoggedOptions): Promise<number> {
  const child = spawnLogged(options);
  const [code] = (await once(child, 'close')) as [number | null];
  return code ?? -1;
}
