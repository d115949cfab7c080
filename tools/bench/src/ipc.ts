import type { ChildProcess } from 'node:child_process';
import { BenchProcessError } from './processes';

interface Message {
  kind: string;
}

/**
 * Resolves with the next message of `kind` from the child; rejects when it reports `failed`,
 * exits, or stays silent for `timeoutMs`.
 */
export function nextMessage<M extends Message, K extends M['kind']>(
  child: ChildProcess,
  name: string,
  kind: K,
  timeoutMs: number,
): Promise<Extract<M, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      child.off('message', onMessage).off('exit', onExit);
      settle();
    };
    const onMessage = (message: M & { message?: string }) => {
      if (message.kind === kind) finish(() => resolve(message as Extract<M, { kind: K }>));
      else if (message.kind === 'failed') finish(() => reject(new BenchProcessError(name, message.message ?? 'failed')));
    };
    const onExit = (code: number | null, signal: string | null) =>
      finish(() => reject(new BenchProcessError(name, `exited (${signal ?? code}) while waiting for ${kind}`)));
    const timer = setTimeout(
      () => finish(() => reject(new BenchProcessError(name, `no ${kind} within ${Math.round(timeoutMs / 1000)} s`))),
      timeoutMs,
    );
    child.on('message', onMessage).on('exit', onExit);
  });
}

/** Sends a message and waits for the answer of `kind`. */
export function request<M extends Message, K extends M['kind']>(
  child: ChildProcess,
  name: string,
  message: Message & Record<string, unknown>,
  kind: K,
  timeoutMs: number,
): Promise<Extract<M, { kind: K }>> {
  const answer = nextMessage<M, K>(child, name, kind, timeoutMs);
  child.send(message);
  return answer;
}

/** For a child process: sends a message to the benchmark. */
export function tellParent(message: Message & Record<string, unknown>): void {
  if (!process.send) throw new Error('not started by the benchmark (no IPC channel)');
  process.send(message);
}

/** For a child process: reports a failure to the benchmark instead of dying silently. */
export function reportFailure(error: unknown): void {
  tellParent({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
