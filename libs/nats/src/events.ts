import { JSONCodec, NatsError, type JetStreamClient, type JetStreamPublishOptions, type NatsConnection, type PubAck } from 'nats';
import { EVENT_CATEGORIES, parseEvent, type Subjects, type VoltstreamEvent } from '@voltstream/contracts';

const codec = JSONCodec();

export interface StoredEvent {
  event: VoltstreamEvent;
  /** Position in the event log: the stream sequence. */
  sequence: number;
}

/**
 * Appends events to the log. Resolves only once JetStream has stored the event (publish ack),
 * so a caller may answer a wallbox afterwards; rejects otherwise.
 *
 * The publishes asked for during one turn of the event loop are sent together at its end: the
 * NATS client writes to its socket once per microtask checkpoint, and a gateway handles each
 * wallbox's frame in a checkpoint of its own, so it would otherwise make one write (a system call,
 * and the server's wake-up) per message. Waiting for the end of the turn costs no measurable latency.
 */
export class EventPublisher {
  private readonly js: JetStreamClient;
  private waiting: (() => void)[] = [];

  constructor(nc: NatsConnection, private readonly subjects: Subjects, private readonly timeoutMs = 5000) {
    this.js = nc.jetstream({ timeout: timeoutMs });
  }

  /** @param messageId de-duplication key: the same id within the duplicate window is stored once. */
  publish(event: VoltstreamEvent, messageId?: string): Promise<PubAck> {
    const subject = this.subjects.event(EVENT_CATEGORIES[event.type], event.metadata.chargePoint, event.type);
    const data = codec.encode(event);
    const options: Partial<JetStreamPublishOptions> = { msgID: messageId, timeout: this.timeoutMs };
    return new Promise((resolve, reject) => {
      this.waiting.push(() => void this.js.publish(subject, data, options).then(resolve, reject));
      if (this.waiting.length === 1) setImmediate(this.sendWaiting);
    });
  }

  private readonly sendWaiting = (): void => {
    const batch = this.waiting;
    this.waiting = [];
    for (const send of batch) send();
  };
}

export function decodeEvent(data: Uint8Array): VoltstreamEvent {
  return parseEvent(codec.decode(data));
}

/**
 * Reads the log from `fromSequence` on and keeps following it, in order; for in-memory state such
 * as the gateway's and the authorization service's view of the registry. Resolves once every
 * matching event stored at call time has been handed to `onEvent`.
 */
export async function followEvents(
  nc: NatsConnection,
  stream: string,
  filterSubject: string,
  onEvent: (stored: StoredEvent) => void,
  fromSequence = 1,
): Promise<{ stop(): Promise<void> }> {
  const consumer = await nc.jetstream().consumers.get(stream, { filterSubjects: filterSubject, opt_start_seq: fromSequence });
  const { num_pending: pendingAtStart } = await consumer.info();
  const messages = await consumer.consume();
  let markCaughtUp!: () => void;
  const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));
  if (pendingAtStart === 0) markCaughtUp();
  void (async () => {
    for await (const message of messages) {
      onEvent({ event: decodeEvent(message.data), sequence: message.seq });
      if (message.info.pending === 0) markCaughtUp();
    }
  })();
  await caughtUp;
  return {
    stop: async () => {
      await messages.close();
      await consumer.delete().catch(unlessAlreadyGone);
    },
  };
}

/** JetStream API error codes: consumer not found, stream not found. */
const GONE = new Set([10014, 10059]);

function unlessAlreadyGone(error: unknown): boolean {
  if (error instanceof NatsError && GONE.has(error.api_error?.err_code ?? 0)) return false;
  throw error;
}
