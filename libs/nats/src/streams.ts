import { DiscardPolicy, nanos, RetentionPolicy, StorageType, type NatsConnection, type StreamConfig } from 'nats';
import type { Subjects } from '@voltstream/contracts';

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
  ];
}

/**
 * Creates the streams if missing and brings their settings up to date; safe on every start.
 * `replicas` (NATS_REPLICAS) is how many servers of a JetStream cluster keep each stream.
 */
export async function ensureStreams(nc: NatsConnection, subjects: Subjects, replicas = 1): Promise<void> {
  const jsm = await nc.jetstreamManager();
  for (const config of streamConfigs(subjects, replicas)) {
    const name = config.name as string;
    const existing = await jsm.streams.info(name).catch(() => null);
    if (existing) {
      await jsm.streams.update(name, config);
      continue;
    }
    // Several services start at once: another may create the stream between info and add.
    await jsm.streams.add(config).catch(async (error: unknown) => {
      if (!(await jsm.streams.info(name).catch(() => null))) throw error;
    });
  }
}
