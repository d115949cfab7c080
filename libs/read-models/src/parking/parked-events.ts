import type { DataSource } from 'typeorm';
import { identityFromToken } from '@voltstream/contracts';
import { ParkedEventRow, type ParkedEventState } from '../entities/parked-event.entity';
import { upsertRows } from '../bulk';

/** Where a parked event sits in the log and what it was, as far as it could be read. */
export interface ParkedEventAddress {
  sequence: number;
  eventType: string | null;
  chargePoint: string | null;
}

/** The last token of a subject one event aggregate's events share: it names no event type. */
const AGGREGATE_SUBJECT_ENDS = new Set(['registration', 'entry']);

/**
 * What a subject of the event log tells of its event, enough to list one that cannot be decoded:
 * `…evt.station.<identity>.<Type>`, `…evt.registry.<identity>.registration` (or `.<Type>`, as
 * older ones were stored), `…evt.tags.<idTag>.entry` (or `…evt.tags.<Type>`). The event type is
 * null where the subject does not name it.
 */
export function addressFromSubject(sequence: number, subject: string): ParkedEventAddress {
  const tokens = subject.split('.');
  const after = tokens.slice(tokens.lastIndexOf('evt') + 1);
  const [category, ...rest] = after;
  const last = rest.length > 0 ? rest[rest.length - 1] : undefined;
  const eventType = last === undefined || AGGREGATE_SUBJECT_ENDS.has(last) ? null : last;
  const chargePoint = category !== 'tags' && rest.length === 2 ? identityFromToken(rest[0]) : null;
  return { sequence, eventType, chargePoint };
}

/** The row that parks an event. */
export function parkedRow(consumer: string, address: ParkedEventAddress, error: unknown, attempts: number, at: Date): Omit<ParkedEventRow, 'id'> {
  return { consumer, ...address, error: String(error), attempts, parkedAt: at, state: 'parked', retries: 0, retriedAt: null, retryError: null };
}

export interface ParkedEventsPage {
  items: ParkedEventRow[];
  total: number;
}

/** The dead-letter read model: what every consumer parked, and what became of retries. */
export class ParkedEvents {
  constructor(private readonly dataSource: DataSource) {}

  /** Records parked events; one parked before (a replay, a redelivery) stays as it is. */
  async park(rows: readonly Omit<ParkedEventRow, 'id'>[]): Promise<void> {
    await upsertRows(this.dataSource.manager, ParkedEventRow, rows as ParkedEventRow[], 'ignore');
  }

  async page(filter: { consumer?: string; state?: ParkedEventState }, offset: number, limit: number): Promise<ParkedEventsPage> {
    const [items, total] = await this.dataSource.getRepository(ParkedEventRow).findAndCount({ where: filter, order: { id: 'ASC' }, skip: offset, take: limit });
    return { items, total };
  }

  async find(id: number): Promise<ParkedEventRow | null> {
    return this.dataSource.getRepository(ParkedEventRow).findOneBy({ id });
  }

  /** The sequences of the events a consumer has parked and not seen resolved. */
  async sequences(consumer: string): Promise<Set<number>> {
    const rows = await this.dataSource.getRepository(ParkedEventRow).find({ select: { sequence: true }, where: { consumer, state: 'parked' } });
    return new Set(rows.map((row) => row.sequence));
  }

  /** How many events a consumer has parked and not yet seen resolved. */
  async waiting(consumer: string): Promise<number> {
    return this.dataSource.getRepository(ParkedEventRow).countBy({ consumer, state: 'parked' });
  }

  /** A retry applied it; `error` when it failed again. */
  async retried(id: number, error: string | null, at: Date): Promise<void> {
    const outcome = error === null ? { state: 'resolved' as const, retryError: null } : { retryError: error };
    await this.dataSource.getRepository(ParkedEventRow).update({ id }, { ...outcome, retries: () => 'retries + 1', retriedAt: at });
  }
}
