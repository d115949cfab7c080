/**
 * Asks the consumer that parked an event to apply it again (`POST /api/parked-events/:id/retry`),
 * on `parkedEventRetry(consumer)`. Only the consumer applies it: it owns what the event writes.
 */
export interface ParkedEventRetryRequest {
  /** The parked event's row in `parked_events`. */
  id: number;
  /** Its place in the event log. */
  sequence: number;
}

export type ParkedEventRetryReply = { outcome: 'resolved' } | { outcome: 'failed'; error: string };

export class InvalidRetryRequestError extends Error {
  constructor(reason: string) {
    super(`Invalid retry request: ${reason}`);
    this.name = 'InvalidRetryRequestError';
  }
}

const isPositiveInteger = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

export function parseRetryRequest(value: unknown): ParkedEventRetryRequest {
  if (typeof value !== 'object' || value === null) throw new InvalidRetryRequestError('not an object');
  const { id, sequence } = value as Record<string, unknown>;
  if (!isPositiveInteger(id)) throw new InvalidRetryRequestError('id must be a positive integer');
  if (!isPositiveInteger(sequence)) throw new InvalidRetryRequestError('sequence must be a positive integer');
  return { id, sequence };
}

export function parseRetryReply(value: unknown): ParkedEventRetryReply {
  const reply = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (reply.outcome === 'resolved') return { outcome: 'resolved' };
  if (reply.outcome === 'failed' && typeof reply.error === 'string') return { outcome: 'failed', error: reply.error };
  throw new InvalidRetryRequestError('the reply is neither resolved nor failed with an error');
}
