import { OperationFailedError } from '../infrastructure/operation-failed.error';
import { INT32_MAX, INT32_MIN } from '../infrastructure/params';

/** The ids a cursor may name: transaction ids are 32-bit, others (event sequences) any safe integer. */
export interface CursorRange {
  min: number;
  max: number;
}
const INT32_RANGE: CursorRange = { min: INT32_MIN, max: INT32_MAX };

/**
 * Lists are paged newest first by an id handed out in order (a transaction id, an event sequence).
 * The cursor is opaque to clients so that the ordering can change without breaking them.
 */
export function encodeCursor(lastId: number): string {
  return Buffer.from(JSON.stringify({ before: lastId })).toString('base64url');
}

export function decodeCursor(cursor: string, range: CursorRange = INT32_RANGE): number {
  const before = parse(cursor)?.before;
  if (!inRange(before, range)) throw new OperationFailedError({ kind: 'invalid', message: 'cursor is not valid' });
  return before;
}

function inRange(value: unknown, { min, max }: CursorRange): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function parse(cursor: string): { before?: unknown } | null {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { before?: unknown } | null;
  } catch {
    return null;
  }
}
