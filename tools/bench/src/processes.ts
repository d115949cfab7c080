import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A child process of the benchmark: a load worker or a baseline server, talking over IPC. */
export interface BenchProcess {
  name: string;
  child: ChildProcess;
  pid: number;
}

export class BenchProcessError extends Error {
  constructor(name: string, reason: string) {
    super(`${name}: ${reason}`);
    this.name = 'BenchProcessError';
  }
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Resolves with the exit code, or with `undefined` when the process is still running after `timeoutMs`. */
function exitWithin(child: ChildProcess, timeoutMs: number): Promise<{ code: number | null } | undefined> {
  if (hasExited(child)) return Promise.resolve({ code: child.exitCode });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(undefined);
    }, timeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      resolve({ code });
    };
    child.once('exit', onExit);
  });
}

/** SIGTERM, then SIGKILL when the process is still there after `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs: number): Promise<void> {
  if (hasExited(child)) return;
  child.kill('SIGTERM');
  if (await exitWithin(child, graceMs)) return;
  child.kill('SIGKILL');
  await exitWithin(child, graceMs);
}

/** The exit code of a process that must end by itself within `timeoutMs`. */
export async function exitCode(started: BenchProcess, timeoutMs: number): Promise<number | null> {
  const exit = await exitWithin(started.child, timeoutMs);
  if (!exit) throw new BenchProcessError(started.name, `still running after ${Math.round(timeoutMs / 1000)} s`);
  return exit.code;
}

/** Resident set size of a process, from /proc (Linux); null elsewhere or when it is gone. */
export async function residentBytes(pid: number): Promise<number | null> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null);
  const kilobytes = status?.match(/^VmRSS:\s+(\d+)\s+kB$/m)?.[1];
  return kilobytes === undefined ? null : Number(kilobytes) * 1024;
}

/** Linux reports process times in clock ticks of 1/100 s (USER_HZ) whatever the kernel's tick rate. */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in seconds, from /proc (Linux); null elsewhere or when it is gone. */
export async function cpuSeconds(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (stat === null) return null;
  // Fields after the command's closing parenthesis: state is the 3rd field, utime and stime the 14th and 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/**
 * Every process a scenario started, so that all of them are stopped however the scenario ends.
 * Output goes to one log file per process; a process still alive when the benchmark exits is killed.
 */
export class ProcessSet {
  private readonly running = new Set<BenchProcess>();
  private readonly logs: WriteStream[] = [];

  constructor(private readonly logDir: string) {
    process.once('exit', () => this.killAll());
  }

  /** Runs a compiled script of the benchmark with node, IPC attached. */
  fork(name: string, script: string, args: readonly string[] = [], env: NodeJS.ProcessEnv = process.env): BenchProcess {
    return this.track(name, script, fork(script, [...args], { env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], serialization: 'advanced' }));
  }

  /** Runs a node script that knows nothing of the benchmark (a service's command), without IPC. */
  spawnNode(name: string, script: string, args: readonly string[], env: NodeJS.ProcessEnv): BenchProcess {
    return this.track(name, script, spawn(process.execPath, [script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] }));
  }

  private track(name: string, script: string, child: ChildProcess): BenchProcess {
    const log = createWriteStream(join(this.logDir, `${name}.log`), { flags: 'a' });
    this.logs.push(log);
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    if (child.pid === undefined) throw new BenchProcessError(name, `could not start ${script}`);
    const started: BenchProcess = { name, child, pid: child.pid };
    this.running.add(started);
    child.once('exit', () => this.running.delete(started));
    return started;
  }

  async stop(started: BenchProcess, graceMs = 5000): Promise<void> {
    await stopProcess(started.child, graceMs);
    this.running.delete(started);
  }

  async stopAll(graceMs = 5000): Promise<void> {
    await Promise.all([...this.running].map((started) => this.stop(started, graceMs)));
    for (const log of this.logs.splice(0)) log.end();
  }

  private killAll(): void {
    for (const started of this.running) started.child.kill('SIGKILL');
  }
}
