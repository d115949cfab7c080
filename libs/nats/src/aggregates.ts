import type { NatsConnection } from 'nats';
import type { VoltstreamEvent } from '@voltstream/contracts';
import { decodeEvent, deleteConsumer, readPending } from './events';

/** Where the events of one aggregate (a charge point's registration, a central tag) are stored. */
export interface AggregateSubjects {
  /** The one subject its events are appended to: an append expects its last sequence. */
  subject: string;
  /** The filter its history is read with: the subject, or one that also covers an older layout. */
  history: string;
  /**
   * Read too, before the history, while the subject holds no event yet: where an older layout kept
   * the events of many aggregates together (the fold picks this aggregate's out).
   */
  legacyHistory?: string;
}

/** An aggregate's events, in log order, and the version an append after them expects. */
export interface AggregateHistory {
  events: VoltstreamEvent[];
  /** Stream sequence of the last event on the aggregate's subject; 0 while it has none. */
  version: number;
}

/** Reads every event of an aggregate stored so far. */
export async function readAggregate(nc: NatsConnection, stream: string, aggregate: AggregateSubjects): Promise<AggregateHistory> {
  const own = await readHistory(nc, stream, aggregate.history, aggregate.subject);
  if (own.version > 0 || aggregate.legacyHistory === undefined) return own;
  const legacy = await readHistory(nc, stream, aggregate.legacyHistory, aggregate.subject);
  return { events: [...legacy.events, ...own.events], version: 0 };
}

/** An ordered consumer over `filter`, read until nothing is pending, then deleted. */
async function readHistory(nc: NatsConnection, stream: string, filter: string, subject: string): Promise<AggregateHistory> {
  const consumer = await nc.jetstream().consumers.get(stream, { filterSubjects: filter });
  const history: AggregateHistory = { events: [], version: 0 };
  try {
    await readPending(consumer, (message) => {
      history.events.push(decodeEvent(message.data));
      if (message.subject === subject) history.version = message.seq;
    });
    return history;
  } finally {
    await deleteConsumer(consumer);
  }
}
