import type { HealthReport } from './health-server';

/** How a consumer of the event log keeps up. */
export interface ConsumerProgress {
  /** Events stored and not yet applied. */
  pending: number;
  /** How long events have waited without a commit; 0 while the consumer keeps committing or has nothing to do. */
  stalledMs: number;
  /** Events it parked and nobody has resolved; null when the database holding them cannot be read. */
  parked: number | null;
}

/** The configured bounds: READY_MAX_PENDING, READY_MAX_STALL. */
export interface ReadinessBounds {
  maxPending: number;
  maxStallMs: number;
}

/** Ready while the consumer is within both bounds; parked events are shown, not held against it. */
export function consumerReadiness({ pending, stalledMs, parked }: ConsumerProgress, { maxPending, maxStallMs }: ReadinessBounds): HealthReport {
  const reasons: string[] = [];
  if (pending > maxPending) reasons.push(`${pending} events pending, more than ${maxPending}`);
  if (stalledMs > maxStallMs) reasons.push(`no commit for ${Math.round(stalledMs / 1000)} s while events wait`);
  return { ready: reasons.length === 0, details: { pending, parked, ...(reasons.length > 0 ? { reason: reasons.join('; ') } : {}) } };
}

/**
 * How long a position has stood still while events wait, from successive looks at it: a consumer
 * whose acknowledged position moves, or that has nothing to do, is not stalled.
 */
export class StallWatch {
  private position = -1;
  private since = 0;

  stalledMs(position: number, pending: number, now: number): number {
    if (position !== this.position || pending === 0) {
      this.position = position;
      this.since = now;
      return 0;
    }
    return now - this.since;
  }
}
