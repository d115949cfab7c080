import { InvalidEventError } from '@voltstream/contracts';
import { UnprojectableEventError } from '@voltstream/domain';

/**
 * Why a consumer could not apply an event:
 * - `invalid`: the event itself can never be applied (it cannot be decoded, or the consumer's
 *   pure logic refuses it): parked at once;
 * - `refused`: the database refused what the event writes (a data exception or a broken
 *   constraint, SQLSTATE classes 22 and 23), or the consumer's code threw on it: tried a bounded
 *   number of times, then parked;
 * - `outage`: anything else — a database or NATS that is down, a connection that broke: retried
 *   until it goes through, never parked.
 */
export type FailureKind = 'invalid' | 'refused' | 'outage';

/** What a consumer does with a failed batch or event. */
export type FailureDecision = 'retry' | 'isolate' | 'park';

export interface Failure {
  kind: FailureKind;
  /** How many events the failed attempt applied together. */
  events: number;
  /** How many times this batch or event has failed, this one included. */
  attempts: number;
  /** Whether this consumer parked the event before (a replay): it is parked again at once. */
  parkedBefore?: boolean;
}

/** How many times an event the database refuses is tried before it is parked. */
export const MAX_ATTEMPTS = 3;

/** SQLSTATE classes that blame the data written, not the database: data exception, integrity constraint violation. */
const DATA_CLASSES = new Set(['22', '23']);

function sqlState(error: object): string | undefined {
  const driverError = 'driverError' in error && typeof error.driverError === 'object' && error.driverError !== null ? error.driverError : error;
  return 'code' in driverError && typeof driverError.code === 'string' && driverError.code.length === 5 ? driverError.code : undefined;
}

/** Tells a per-event failure from an outage; see {@link FailureKind}. */
export function failureKind(error: unknown): FailureKind {
  if (error instanceof InvalidEventError || error instanceof UnprojectableEventError) return 'invalid';
  // The consumer's own code threw on this event's data.
  if (error instanceof TypeError || error instanceof RangeError) return 'refused';
  if (typeof error !== 'object' || error === null) return 'outage';
  const state = sqlState(error);
  return state !== undefined && DATA_CLASSES.has(state.slice(0, 2)) ? 'refused' : 'outage';
}

/**
 * Retry or park: an outage is retried for ever; a batch that fails for its data is applied event
 * by event to find the one to blame; an event is parked when it is invalid, was parked before, or
 * once the database has refused it `maxAttempts` times.
 */
export function decideOnFailure({ kind, events, attempts, parkedBefore = false }: Failure, maxAttempts = MAX_ATTEMPTS): FailureDecision {
  if (kind === 'outage') return 'retry';
  if (events > 1) return 'isolate';
  return kind === 'invalid' || parkedBefore || attempts >= maxAttempts ? 'park' : 'retry';
}
