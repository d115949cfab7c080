import type { ObjectLiteral, Repository } from 'typeorm';
import { decodeCursor, encodeCursor } from '../transactions/cursor';
import { DEFAULT_PAGE_SIZE } from './params';

/** Ids are event sequences: positive, and safe integers in JavaScript. */
const SEQUENCES = { min: 1, max: Number.MAX_SAFE_INTEGER };

export interface SequencePage<View> {
  items: View[];
  nextCursor: string | null;
}

/**
 * One page, newest first, of a charge point's rows numbered by the sequence of their event
 * (`id`, `chargePointIdentity`); fetches one more than the page to know whether another follows.
 */
export async function sequencePage<Row extends ObjectLiteral, View extends { id: number }>(
  repository: Repository<Row>,
  identity: string,
  query: { limit?: number; cursor?: string },
  toView: (row: Row) => View,
): Promise<SequencePage<View>> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const select = repository
    .createQueryBuilder('row')
    .where('row.chargePointIdentity = :identity', { identity })
    .orderBy('row.id', 'DESC')
    .take(limit + 1);
  if (query.cursor) select.andWhere('row.id < :before', { before: decodeCursor(query.cursor, SEQUENCES) });
  const rows = await select.getMany();
  const page = rows.slice(0, limit).map(toView);
  return { items: page, nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null };
}
