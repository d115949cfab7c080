import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';

export interface RateLimit {
  ratePerSecond: number;
  /** Stop after this many calls … */
  count?: number;
  /** … or at this epoch ms, whichever comes first. */
  until?: number;
}

/**
 * An open loop: starts call number i at `start + i / rate`, whether earlier calls have been
 * answered or not, and hands each call the time it was due, so that a slow answer delays the
 * measurement of the calls behind it instead of hiding them (no coordinated omission).
 * Resolves once every call started has settled; `fire` must not reject.
 */
export async function atFixedRate(limit: RateLimit, fire: (index: number, dueAt: number) => Promise<void>): Promise<number> {
  if (!(limit.ratePerSecond > 0)) throw new RangeError(`rate must be positive, got ${limit.ratePerSecond}`);
  if (limit.count === undefined && limit.until === undefined) throw new RangeError('a fixed-rate load needs a count or an end');
  const intervalMs = 1000 / limit.ratePerSecond;
  const start = performance.now();
  const started: Promise<void>[] = [];
  const more = () => (limit.count === undefined || started.length < limit.count) && (limit.until === undefined || Date.now() < limit.until);
  while (more()) {
    const due = Math.floor((performance.now() - start) / intervalMs) + 1;
    while (started.length < due && more()) started.push(fire(started.length, start + started.length * intervalMs));
    await delay(Math.max(1, start + started.length * intervalMs - performance.now()));
  }
  await Promise.all(started);
  return started.length;
}

/** A closed loop: each actor makes its next call as soon as the previous one is answered, until `until`. */
export async function inClosedLoop<T>(actors: readonly T[], until: number, call: (actor: T) => Promise<boolean>): Promise<void> {
  const loop = async (actor: T) => {
    while (Date.now() < until) {
      const goOn = await call(actor);
      if (!goOn) return;
    }
  };
  await Promise.all(actors.map(loop));
}
