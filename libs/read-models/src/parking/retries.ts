import { JSONCodec, type Msg, type NatsConnection, type Subscription } from 'nats';
import { parseRetryRequest, type ParkedEventRetryReply, type Subjects } from '@voltstream/contracts';
import type { ParkedEvents } from './parked-events';

const codec = JSONCodec();

/** Applies an event of the log again: its stream sequence and its data as stored. */
export type ApplyAgain = (sequence: number, data: Uint8Array) => Promise<void>;

/**
 * Serves the API's retries of a consumer's parked events (`parkedEventRetry(consumer)`, one
 * replica of the consumer answers): reads the event from the log, applies it again and records
 * the outcome on its parked row.
 */
export async function serveParkedRetries(nc: NatsConnection, subjects: Subjects, consumer: string, parked: ParkedEvents, apply: ApplyAgain): Promise<Subscription> {
  const jsm = await nc.jetstreamManager();
  const retry = async (message: Msg): Promise<ParkedEventRetryReply> => {
    const request = parseRetryRequest(codec.decode(message.data));
    try {
      const stored = await jsm.streams.getMessage(subjects.eventsStream, { seq: request.sequence });
      await apply(stored.seq, stored.data);
    } catch (error) {
      await parked.retried(request.id, String(error), new Date());
      return { outcome: 'failed', error: String(error) };
    }
    await parked.retried(request.id, null, new Date());
    return { outcome: 'resolved' };
  };
  return nc.subscribe(subjects.parkedEventRetry(consumer), {
    queue: consumer,
    callback: (_error, message) =>
      void retry(message).then(
        (reply) => message.respond(codec.encode(reply)),
        (error: unknown) => message.respond(codec.encode({ outcome: 'failed', error: String(error) })),
      ),
  });
}
