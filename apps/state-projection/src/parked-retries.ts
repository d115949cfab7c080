import { JSONCodec, type JetStreamManager, type Msg, type NatsConnection, type Subscription } from 'nats';
import { parseRetryRequest, type ParkedEventRetryReply, type Subjects } from '@voltstream/contracts';
import { decodeEvent } from '@voltstream/nats';
import { ParkedEvents } from '@voltstream/read-models';
import type { DataSource } from 'typeorm';
import { PROJECTION_NAME } from './events-consumer';
import type { ProjectionWorker } from './projection-worker';

const codec = JSONCodec();

/** Serves the API's retries of this projection's parked events while `worker` runs (the lock holder only). */
export function serveParkedRetries(nc: NatsConnection, jsm: JetStreamManager, subjects: Subjects, dataSource: DataSource, worker: ProjectionWorker): Subscription {
  const parked = new ParkedEvents(dataSource);
  const retry = async (message: Msg): Promise<ParkedEventRetryReply> => {
    const request = parseRetryRequest(codec.decode(message.data));
    try {
      const stored = await jsm.streams.getMessage(subjects.eventsStream, { seq: request.sequence });
      await worker.retry({ sequence: stored.seq, event: decodeEvent(stored.data) });
    } catch (error) {
      await parked.retried(request.id, String(error), new Date());
      return { outcome: 'failed', error: String(error) };
    }
    await parked.retried(request.id, null, new Date());
    return { outcome: 'resolved' };
  };
  return nc.subscribe(subjects.parkedEventRetry(PROJECTION_NAME), {
    callback: (_error, message) =>
      void retry(message).then(
        (reply) => message.respond(codec.encode(reply)),
        (error: unknown) => message.respond(codec.encode({ outcome: 'failed', error: String(error) })),
      ),
  });
}
