import type { VoltstreamEvent } from '@voltstream/contracts';

/**
 * Why an operator's request was not carried out. Plain data, so that every shell (REST,
 * GraphQL) maps it to its own transport the same way.
 */
export type OperationFailure =
  | { kind: 'notFound'; message: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'conflict'; message: string }
  | { kind: 'offline'; message: string }
  | { kind: 'timeout'; message: string }
  | { kind: 'callError'; message: string; code: string; description: string; details: Record<string, unknown> }
  | { kind: 'badGateway'; message: string }
  /** The event log or the read models cannot be reached: nothing was decided, try again later. */
  | { kind: 'unavailable'; message: string };

export type FailureKind = OperationFailure['kind'];

/** The outcome of a decision: the events to append (possibly none), or why not. */
export type OperationDecision<E extends VoltstreamEvent> =
  | { ok: true; events: E[] }
  | { ok: false; failure: OperationFailure };

export function accept<E extends VoltstreamEvent>(...events: E[]): OperationDecision<E> {
  return { ok: true, events };
}

export function reject<E extends VoltstreamEvent>(
  kind: 'notFound' | 'invalid' | 'conflict',
  message: string,
): OperationDecision<E> {
  return { ok: false, failure: { kind, message } };
}
