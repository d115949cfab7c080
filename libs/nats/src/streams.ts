import { DiscardPolicy, ErrorCode, nanos, NatsError, RetentionPolicy, StorageType, type JetStreamManager, type NatsConnection, type StreamConfig } from 'nats';
import type { Subjects } from '@voltstream/contracts';

/**
 * How long a pull of a consumer that follows a stream waits (nats.js default 30 s). Its idle
 * heartbeats come at half of it: a pull lost with a node of a JetStream cluster is noticed after
 * two missed heartbeats and made again, so a follower goes on within seconds, not half a minute.
 */
export const PULL_EXPIRES_MS = 5000;

/** How long JetStream remembers message ids to drop a retried publish (OCPP unique id). */
export const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;

function streamConfigs(subjects: Subjects, replicas: number): Partial<StreamConfig>[] {
  const durable = {
    num_replicas: replicas,
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
  };
  return [
    { name: subjects.eventsStream, subjects: [subjects.allEvents], ...durable },
    { name: subjects.billingStream, subjects: [subjects.billingCompleted], ...durable },
    // Only the sequence numbers matter here; one message per transaction id ever handed out.
    { name: subjects.transactionIdStream, subjects: [subjects.transactionIdSubject], ...durable, max_msgs_per_subject: 1 },
    { name: subjects.reservationIdStream, subjects: [subjects.reservationIdSubject], ...durable, max_msgs_per_subject: 1 },
  ];
}

/** Whether the stream already has every setting of the wanted configuration. */
function hasSettings(existing: StreamConfig, wanted: Partial<StreamConfig>): boolean {
  return Object.entries(wanted).every(([key, value]) => JSON.stringify(existing[key as keyof StreamConfig]) === JSON.stringify(value));
}

async function upsertStream(jsm: JetStreamManager, config: Partial<StreamConfig>): Promise<void> {
  const name = config.name as string;
  const existing = await jsm.streams.info(name).catch(() => null);
  if (existing) {
    if (!hasSettings(existing.config, config)) await jsm.streams.update(name, config);
    return;
  }
  // Several services start at once: another may create the stream between info and add.
  await jsm.streams.add(config).catch(async (error: unknown) => {
    if (!(await jsm.streams.info(name).catch(() => null))) throw error;
  });
}

const STREAM_ATTEMPTS = 3;

function isTimeout(error: unknown): boolean {
  return error instanceof NatsError && error.code === ErrorCode.Timeout;
}

/**
 * Creates the streams if missing and brings their settings up to date; safe on every start.
 * `replicas` (NATS_REPLICAS) is how many servers of a JetStream cluster keep each stream.
 * A nats-server 2.9 cluster leaves some of several concurrent creations of one stream
 * unanswered: such a request is asked again, a bounded number of times.
 */
export async function ensureStreams(nc: NatsConnection, subjects: Subjects, replicas = 1): Promise<void> {
  const jsm = await nc.jetstreamManager();
  for (const config of streamConfigs(subjects, replicas)) {
    for (let attempt = 1; ; attempt++) {
      try {
        await upsertStream(jsm, config);
        break;
      } catch (error) {
        if (!isTimeout(error) || attempt === STREAM_ATTEMPTS) throw error;
      }
    }
  }
}
