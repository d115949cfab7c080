import { AckPolicy, DeliverPolicy, nanos, NatsError, type ConsumerConfig, type JetStreamManager } from 'nats';
import type { Subjects } from '@voltstream/contracts';
import { STATE_PROJECTION } from '@voltstream/read-models';

/** The durable consumer of the event log is named after the projection, like its checkpoint. */
export const PROJECTION_NAME = STATE_PROJECTION;
/** How many events the server hands out before an ack: bounds the memory a replay takes. */
export const MAX_ACK_PENDING = 20_000;
const ACK_WAIT_MS = 60_000;
const CONSUMER_NOT_FOUND = 10014;

function notFoundAs<T>(fallback: T): (error: unknown) => T {
  return (error) => {
    if (error instanceof NatsError && error.api_error?.err_code === CONSUMER_NOT_FOUND) return fallback;
    throw error;
  };
}

/**
 * Creates the consumer anew, delivering from the event after the checkpoint. Whatever an earlier
 * consumer handed out and never saw acknowledged is delivered again at once, in order: kept, it
 * would come back only after its ack wait, behind newer events whose ack (policy *all*) would
 * acknowledge it unwritten.
 */
export async function resetEventsConsumer(jsm: JetStreamManager, subjects: Subjects, checkpoint: number): Promise<void> {
  await deleteEventsConsumer(jsm, subjects);
  const start: Partial<ConsumerConfig> =
    checkpoint > 0 ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: checkpoint + 1 } : { deliver_policy: DeliverPolicy.All };
  await jsm.consumers.add(subjects.eventsStream, {
    durable_name: PROJECTION_NAME,
    filter_subject: subjects.allEvents,
    // One ack for a whole committed batch: its last message acknowledges the ones before.
    ack_policy: AckPolicy.All,
    ack_wait: nanos(ACK_WAIT_MS),
    max_ack_pending: MAX_ACK_PENDING,
    ...start,
  });
}

export async function deleteEventsConsumer(jsm: JetStreamManager, subjects: Subjects): Promise<void> {
  await jsm.consumers.delete(subjects.eventsStream, PROJECTION_NAME).catch(notFoundAs(false));
}
