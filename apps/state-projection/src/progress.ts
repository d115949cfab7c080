/** Who waits for the read models to reach a stream sequence, across the projection's sessions. */
export class Progress {
  private sequence = 0;
  private waiting: { sequence: number; resolve: () => void }[] = [];

  /** Resolves once every event up to `sequence` is in the read models. */
  reached(sequence: number): Promise<void> {
    if (this.sequence >= sequence) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push({ sequence, resolve }));
  }

  moved(sequence: number): void {
    this.sequence = sequence;
    const reached = this.waiting.filter((waiter) => waiter.sequence <= sequence);
    if (reached.length === 0) return;
    this.waiting = this.waiting.filter((waiter) => waiter.sequence > sequence);
    for (const waiter of reached) waiter.resolve();
  }
}
