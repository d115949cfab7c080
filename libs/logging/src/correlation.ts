import { randomUUID } from 'node:crypto';

/** The HTTP headers by which a caller names its request, in the order they are read. */
export const CORRELATION_HEADERS = ['x-request-id', 'x-correlation-id'] as const;
/** The header the API answers with, carrying the id it used. */
export const CORRELATION_RESPONSE_HEADER = 'X-Request-Id';

/** An id a log line may carry as it is: no spaces, quotes or control characters, 128 characters at most. */
const LOGGABLE = /^[\w.:@/+=-]{1,128}$/;

/** The caller's correlation id when it gives one that can be logged as it is; else a new one. */
export function correlationIdOf(headers: Record<string, string | string[] | undefined>): string {
  for (const name of CORRELATION_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string' && LOGGABLE.test(value)) return value;
  }
  return randomUUID();
}

/**
 * The correlation id of what the system does on its own because of an event of the log: the
 * consumer that handled it and the event's stream sequence (`authorization-auto-start:1234`). A
 * redelivered event, or a parked one retried, is handled again under the same id.
 */
export function eventCorrelationId(consumer: string, sequence: number): string {
  return `${consumer}:${sequence}`;
}
