/** Changes are whole rows: when a subscriber lags this far behind, its oldest ones are dropped (or all, see `restart`). */
const BUFFER_LIMIT = 1000;

/**
 * One subscriber's changes, as the AsyncIterator a GraphQL subscription returns. Unlike an async
 * generator it can be ended while it waits for the next change: the client completing the
 * subscription or closing the socket ends it at once, and `onEnd` runs exactly once.
 */
export class ChangeStream<T> implements AsyncIterableIterator<T> {
  private readonly buffered: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private ended = false;

  /**
   * @param restart for a subscriber that must miss nothing: when it lags BUFFER_LIMIT behind, what it
   * has not taken yet is replaced by this one value, which tells it to read everything again.
   */
  constructor(
    private readonly onEnd: () => void,
    private readonly restart?: T,
  ) {}

  push(value: T): void {
    if (this.ended) return;
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) return waiting({ value, done: false });
    if (this.buffered.length >= BUFFER_LIMIT) {
      if (this.restart === undefined) this.buffered.shift();
      else this.buffered.splice(0, this.buffered.length, this.restart);
    }
    this.buffered.push(value);
  }

  next(): Promise<IteratorResult<T>> {
    const value = this.buffered.shift();
    if (value !== undefined) return Promise.resolve({ value, done: false });
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.ended) {
      this.ended = true;
      this.buffered.length = 0;
      this.waiting?.({ value: undefined, done: true });
      this.waiting = null;
      this.onEnd();
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
