import { OperationFailedError } from '../infrastructure/operation-failed.error';
import { INT32_MAX, INT32_MIN } from '../infrastructure/params';

/**
 * Transactions are paged newest first by transaction id (ids are handed out in order). The cursor
 * is opaque to clients so that the ordering can change without breaking them.
 */
export function encodeCursor(lastTransactionId: number): string {
  return Buffer.from(JSON.stringify({ before: lastTransactionId })).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const before = parse(cursor)?.before;
  if (!isInt32(before)) throw new OperationFailedError({ kind: 'invalid', message: 'cursor is not valid' });
  return before;
}

function isInt32(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;
}

function parse(cursor: string): { before?: unknown } | null {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { before?: unknown } | null;
  } catch {
    return null;
  }
}
