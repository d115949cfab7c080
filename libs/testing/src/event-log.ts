import type { NatsConnection } from 'nats';
import { parseStoredEvent, type EventOf, type EventType, type Subjects, type VoltstreamEvent } from '@voltstream/contracts';

/** How many events of a type the log holds for a charge point. */
export async function countEvents(nc: NatsConnection, subjects: Subjects, identity: string, type: EventType): Promise<number> {
  const subject = subjects.event('station', identity, type);
  const info = await (await nc.jetstreamManager()).streams.info(subjects.eventsStream, { subjects_filter: subject });
  return info.state.subjects?.[subject] ?? 0;
}

/** The newest event of a type for a charge point, or undefined. */
export async function lastEvent(nc: NatsConnection, subjects: Subjects, identity: string, type: EventType): Promise<VoltstreamEvent | undefined> {
  const jsm = await nc.jetstreamManager();
  const subject = subjects.event('station', identity, type);
  if ((await countEvents(nc, subjects, identity, type)) === 0) return undefined;
  const message = await jsm.streams.getMessage(subjects.eventsStream, { last_by_subj: subject });
  return parseStoredEvent(message.data);
}

/** Every event of a type for a charge point, in log order. */
export async function eventsOf<T extends EventType>(nc: NatsConnection, subjects: Subjects, identity: string, type: T): Promise<EventOf<T>[]> {
  const count = await countEvents(nc, subjects, identity, type);
  if (count === 0) return [];
  const consumer = await nc.jetstream().consumers.get(subjects.eventsStream, { filterSubjects: subjects.event('station', identity, type) });
  const events: EventOf<T>[] = [];
  const messages = await consumer.fetch({ max_messages: count, expires: 5000 });
  for await (const message of messages) events.push(parseStoredEvent(message.data) as EventOf<T>);
  await consumer.delete();
  return events;
}

/**
 * The events of the whole log that do not fit their data contract, each as `subject: why`. What a
 * gateway records from a call it answered must always fit: a consumer could only park it.
 */
export async function eventsBreakingTheirContract(nc: NatsConnection, subjects: Subjects): Promise<string[]> {
  const { state } = await (await nc.jetstreamManager()).streams.info(subjects.eventsStream);
  const consumer = await nc.jetstream().consumers.get(subjects.eventsStream);
  const broken: string[] = [];
  for (let read = 0, fetched = -1; read < state.messages && fetched !== 0; read += fetched) {
    fetched = 0;
    for await (const message of await consumer.fetch({ max_messages: Math.min(1000, state.messages - read), expires: 5000 })) {
      fetched++;
      try {
        parseStoredEvent(message.data);
      } catch (error) {
        broken.push(`${message.subject}: ${String(error)}`);
      }
    }
  }
  return broken;
}

/** Removes the streams a test file created in its namespace. */
export async function deleteStreams(nc: NatsConnection, subjects: Subjects): Promise<void> {
  const jsm = await nc.jetstreamManager();
  const existing = new Set<string>();
  for await (const name of jsm.streams.names()) existing.add(name);
  for (const stream of [subjects.eventsStream, subjects.billingStream, subjects.transactionIdStream, subjects.reservationIdStream, `KV_${subjects.gatewayLeasesBucket}`]) {
    if (existing.has(stream)) await jsm.streams.delete(stream);
  }
}
