import { OperationFailedError } from '../infrastructure/operation-failed.error';

/**
 * Transactions are paged newest first by transaction id (ids are handed out in order). The cursor
 * is opaque to clients so that the ordering can change without breaking them.
 */
export function encodeCursor(lastTransactionId: number): string {
  return Buffer.from(JSON.stringify({ before: lastTransactionId })).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const before = parse(cursor)?.before;
  if (!Number.isInteger(before)) throw new OperationFailedError({ kind: 'invalid', message: 'cursor is not valid' });
  return before as number;
}

function parse(cursor: string): { before?: unknown } | null {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { before?: unknown } | null;
  } catch {
    return null;
  }
}
