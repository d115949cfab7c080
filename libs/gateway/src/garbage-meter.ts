/** Malformed frames in a row after which a connection is closed. */
export const GARBAGE_LIMIT = 20;

/**
 * Counts frames in a row that could not be parsed. A wallbox with a bug sends one now and then
 * and is answered; one that sends nothing but garbage is closed, so it costs no more.
 */
export class GarbageMeter {
  private inARow = 0;

  constructor(private readonly limit = GARBAGE_LIMIT) {}

  /** @returns true once the limit is reached: close the connection. */
  recordGarbage(): boolean {
    this.inARow += 1;
    return this.inARow >= this.limit;
  }

  recordWellFormed(): void {
    this.inARow = 0;
  }
}
