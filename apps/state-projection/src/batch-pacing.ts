/**
 * Starts batches at least `intervalMs` apart. A commit costs a round trip, a WAL flush and an ack
 * whatever its size: a worker that took whatever had arrived the moment its last commit returned
 * made, under load, a hundred commits a second of a few events each. An idle projection is never
 * held back: its next batch starts at once.
 */
export class BatchPacing {
  private lastStart = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Milliseconds to wait before the next batch may start. */
  pause(): number {
    return Math.max(0, this.lastStart + this.intervalMs - this.now());
  }

  started(): void {
    this.lastStart = this.now();
  }
}
