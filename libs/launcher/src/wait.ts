import { setTimeout as delay } from 'node:timers/promises';
import { LauncherError } from './errors';

export interface WaitOptions {
  /** What is awaited, for the error message. */
  what: string;
  timeoutMs: number;
  intervalMs?: number;
  signal?: AbortSignal;
  /** Returns a reason when waiting longer is pointless (e.g. the process died). */
  failure?: () => string | undefined;
}

/** Polls a condition until it holds; throws on timeout, failure or abort. */
export async function waitUntil(condition: () => Promise<boolean>, options: WaitOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    options.signal?.throwIfAborted();
    const failure = options.failure?.();
    if (failure) throw new LauncherError(`${options.what}: ${failure}`);
    if (await condition()) return;
    if (Date.now() > deadline) throw new LauncherError(`${options.what}: not ready after ${options.timeoutMs / 1000} s`);
    await delay(options.intervalMs ?? 200, undefined, { signal: options.signal });
  }
}
