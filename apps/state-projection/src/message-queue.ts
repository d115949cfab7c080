/**
 * Messages handed over by the NATS callback, taken out in batches by the one worker that
 * projects them. Bounded by the consumer's max_ack_pending: the server sends no more than that
 * before an ack.
 */
export class MessageQueue<T> {
  private items: T[] = [];
  private wake: (() => void) | undefined;
  private closed = false;

  push(item: T): void {
    this.items.push(item);
    this.wake?.();
  }

  close(): void {
    this.closed = true;
    this.wake?.();
  }

  /** Up to `max` items, waiting for the first; empty once closed. */
  async take(max: number): Promise<T[]> {
    while (this.items.length === 0 && !this.closed) {
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
    if (this.closed) return [];
    return this.items.splice(0, max);
  }
}
