/** A lease whose holder stopped renewing it: the revision a claim must replace. */
export interface LapsedLease {
  key: string;
  revision: number;
}

/** How often a holder renews its lease and a watcher looks for lapsed ones, for a time to live. */
export function leaseTimings(ttlMs: number): { renewEveryMs: number; checkEveryMs: number } {
  return { renewEveryMs: Math.floor(ttlMs / 3), checkEveryMs: Math.floor(ttlMs / 4) };
}

/**
 * The leases a watcher sees and when it last saw each of them written, by its own clock: a lease
 * not written for longer than its time to live has lapsed. Only the watcher's clock is read, so
 * the clocks of the holder, the server and the watcher never need to agree. A lease already there
 * when the watcher starts is counted from then: it lapses one time to live later at the latest.
 */
export class LapseBook {
  private readonly sightings = new Map<string, { revision: number; seenAt: number }>();

  constructor(private readonly ttlMs: number) {}

  written(key: string, revision: number, now: number): void {
    this.sightings.set(key, { revision, seenAt: now });
  }

  removed(key: string): void {
    this.sightings.delete(key);
  }

  lapsed(now: number): LapsedLease[] {
    const lapsed: LapsedLease[] = [];
    for (const [key, { revision, seenAt }] of this.sightings) {
      if (now - seenAt > this.ttlMs) lapsed.push({ key, revision });
    }
    return lapsed;
  }
}
