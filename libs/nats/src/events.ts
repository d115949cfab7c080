import {
  DeliverPolicy,
  ErrorCode,
  headers,
  JSONCodec,
  NatsError,
  type ApiError,
  type Consumer,
  type JsMsg,
  type Msg,
  type MsgHdrs,
  type NatsConnection,
  type PubAck,
} from 'nats';
import { eventSubject, InvalidEventError, parseStoredEvent, type EventOf, type Subjects, type VoltstreamEvent } from '@voltstream/contracts';
import { Replies } from './replies';
import { PULL_EXPIRES_MS } from './streams';

const codec = JSONCodec();
const FETCHED_TOGETHER = 1000;

export interface StoredEvent {
  event: VoltstreamEvent;
  /** Position in the event log: the stream sequence. */
  sequence: number;
}

interface WaitingPublish {
  subject: string;
  data: Uint8Array;
  headers: MsgHdrs | undefined;
  resolve(ack: PubAck): void;
  reject(error: Error): void;
}

/** JetStream's answer to a publish: the ack, or `{ error }` when the stream refused it. */
type PublishReply = PubAck | { error: ApiError };

/** JetStream API error code: the subject's last sequence is not the one the publish expected. */
const WRONG_LAST_SEQUENCE = 10071;

/** Told how long each publish took, from leaving for JetStream to its ack (stored) or failure. */
export interface PublishTiming {
  published(seconds: number, stored: boolean): void;
}

/** An append's expectation failed: another write to the same aggregate was stored first. */
export function isConcurrentAppend(error: unknown): boolean {
  return error instanceof NatsError && error.api_error?.err_code === WRONG_LAST_SEQUENCE;
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
  private readonly replies: Replies;
  private waiting: WaitingPublish[] = [];

  constructor(
    private readonly nc: NatsConnection,
    private readonly subjects: Subjects,
    private readonly timeoutMs = 5000,
    private readonly timing?: PublishTiming,
  ) {
    this.replies = new Replies(nc);
  }

  /** Core publish, at most once, of a security event already stored: for subscribers, not a record. */
  announceSecurityEvent(event: EventOf<'SecurityEventReported'>): void {
    this.nc.publish(this.subjects.securityEvent(event.metadata.chargePoint ?? ''), codec.encode(event));
  }

  /** @param messageId de-duplication key: the same id within the duplicate window is stored once. */
  publish(event: VoltstreamEvent, messageId?: string): Promise<PubAck> {
    return this.enqueue(event, messageId === undefined ? undefined : messageIdHeader(messageId));
  }

  /**
   * Appends an event of an aggregate (its subject: {@link eventSubject}) only right after the event
   * stored there at `version` (0: none yet); rejects, {@link isConcurrentAppend}, when another came first.
   */
  append(event: VoltstreamEvent, version: number): Promise<PubAck> {
    return this.enqueue(event, expectedVersionHeader(version));
  }

  private enqueue(event: VoltstreamEvent, headers: MsgHdrs | undefined): Promise<PubAck> {
    const subject = eventSubject(this.subjects, event);
    const data = codec.encode(event);
    return new Promise((resolve, reject) => {
      this.waiting.push({ subject, data, headers, resolve, reject });
      if (this.waiting.length === 1) setImmediate(this.sendWaiting);
    });
  }

  private readonly sendWaiting = (): void => {
    const batch = this.waiting;
    this.waiting = [];
    // One clock reading per batch: the publishes of a batch leave together.
    const sentAt = this.timing ? performance.now() : 0;
    for (const publish of batch) {
      this.replies.request(publish.subject, publish.data, this.timeoutMs, (error, message) => this.settle(publish, sentAt, error, message), publish.headers);
    }
  };

  private settle(publish: WaitingPublish, sentAt: number, error: NatsError | null, message: Msg | undefined): void {
    const stored = settlePublish(publish, error, message);
    this.timing?.published((performance.now() - sentAt) / 1000, stored);
  }
}

function messageIdHeader(messageId: string): MsgHdrs {
  const header = headers();
  header.set('Nats-Msg-Id', messageId);
  return header;
}

function expectedVersionHeader(version: number): MsgHdrs {
  const header = headers();
  header.set('Nats-Expected-Last-Subject-Sequence', String(version));
  return header;
}

/** @returns whether JetStream stored the event. */
function settlePublish(publish: WaitingPublish, error: NatsError | null, message: Msg | undefined): boolean {
  let reply: PublishReply | undefined;
  try {
    reply = message?.json<PublishReply>();
  } catch {
    reply = undefined;
  }
  if (error || !reply) publish.reject(error ?? NatsError.errorForCode(ErrorCode.JetStreamInvalidAck));
  else if ('error' in reply) publish.reject(Object.assign(new NatsError(reply.error.description, String(reply.error.code)), { api_error: reply.error }));
  else publish.resolve(reply);
  return reply !== undefined && !error && !('error' in reply);
}

/** An event read from the log; throws an InvalidEventError naming what does not fit (not JSON included). */
export function decodeEvent(data: Uint8Array): VoltstreamEvent {
  return parseStoredEvent(data);
}

/**
 * An event that does not fit its contract is skipped by a reader of the log that keeps no checkpoint
 * (followers, lastEventPerSubject), with a warning, and counted by contractViolations: every such
 * reader skips it alike, and none stops on it.
 */
function decodeOrWarn(data: Uint8Array, sequence: number): VoltstreamEvent | undefined {
  try {
    return decodeEvent(data);
  } catch (error) {
    if (!(error instanceof InvalidEventError)) throw error;
    process.emitWarning(`event ${sequence} skipped: ${error.message}`, 'InvalidEventWarning');
    return undefined;
  }
}

/** Told of an event a follower skipped because `onEvent` threw on it. */
export type SkippedEvent = (sequence: number, error: unknown) => void;

const warnSkipped: SkippedEvent = (sequence, error) => process.emitWarning(`Skipped event ${sequence} of the log: ${String(error)}`, 'SkippedEvent');

/**
 * Reads the log from `fromSequence` on and keeps following it, in order; for in-memory state such
 * as the gateway's and the authorization service's view of the registry. Resolves once every
 * matching event stored at call time has been handed to `onEvent`. An event that breaks its
 * contract is skipped with a warning (`decodeOrWarn`), one `onEvent` throws on is skipped and told
 * to `onSkipped`: neither ends the follower. The state is folded again from the log at every start,
 * and the state projection parks the same event where operators see it.
 */
export async function followEvents(
  nc: NatsConnection,
  stream: string,
  filterSubject: string,
  onEvent: (stored: StoredEvent) => void,
  fromSequence = 1,
  onSkipped: SkippedEvent = warnSkipped,
): Promise<{ stop(): Promise<void> }> {
  const consumer = await nc.jetstream().consumers.get(stream, { filterSubjects: filterSubject, opt_start_seq: fromSequence });
  const { num_pending: pendingAtStart } = await consumer.info();
  const messages = await consumer.consume({ expires: PULL_EXPIRES_MS });
  let markCaughtUp!: () => void;
  const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));
  if (pendingAtStart === 0) markCaughtUp();
  void (async () => {
    for await (const message of messages) {
      const event = decodeOrWarn(message.data, message.seq);
      try {
        if (event) onEvent({ event, sequence: message.seq });
      } catch (error) {
        onSkipped(message.seq, error);
      }
      if (message.info.pending === 0) markCaughtUp();
    }
  })();
  await caughtUp;
  return {
    stop: async () => {
      await messages.close();
      await deleteConsumer(consumer);
    },
  };
}

/**
 * The newest event of each subject matching `filterSubject`, in log order: for instance the last
 * ChargePointConnected of every charge point, read once, without following the log.
 */
export async function lastEventPerSubject(nc: NatsConnection, stream: string, filterSubject: string): Promise<StoredEvent[]> {
  const consumer = await nc.jetstream().consumers.get(stream, { filterSubjects: filterSubject, deliver_policy: DeliverPolicy.LastPerSubject });
  const found: StoredEvent[] = [];
  try {
    await readPending(consumer, (message) => {
      const event = decodeOrWarn(message.data, message.seq);
      if (event) found.push({ event, sequence: message.seq });
    });
    return found;
  } finally {
    await deleteConsumer(consumer);
  }
}

/** Hands what a new consumer has pending to `onMessage`, in order, and returns when nothing is left. */
export async function readPending(consumer: Consumer, onMessage: (message: JsMsg) => void): Promise<void> {
  // A fetch waits until it has all it asked for, or its time is up: ask for what is there.
  let pending = (await consumer.info()).num_pending;
  while (pending > 0) {
    const batch = await consumer.fetch({ max_messages: Math.min(pending, FETCHED_TOGETHER), expires: 5000 });
    pending = 0;
    for await (const message of batch) {
      onMessage(message);
      pending = message.info.pending;
    }
  }
}

/** Deletes a consumer of our own, unless its stream or it is already gone. */
export async function deleteConsumer(consumer: Consumer): Promise<void> {
  await consumer.delete().catch(unlessAlreadyGone);
}

/** JetStream API error codes: consumer not found, stream not found. */
const GONE = new Set([10014, 10059]);

function unlessAlreadyGone(error: unknown): boolean {
  if (error instanceof NatsError && GONE.has(error.api_error?.err_code ?? 0)) return false;
  throw error;
}
