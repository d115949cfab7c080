import { createInbox, ErrorCode, NatsError, type Msg, type MsgHdrs, type NatsConnection } from 'nats';

/** Called once per request: with the reply, or with a NatsError (Timeout, NoResponders, ConnectionClosed). */
export type ReplyCallback = (error: NatsError | null, message?: Msg) => void;

interface Pending {
  deadline: number;
  onReply: ReplyCallback;
}

/** How often expired requests are failed: a request times out at most this much late. */
const SWEEP_INTERVAL_MS = 100;
const NO_RESPONDERS = 503;

/**
 * Request/reply for the hot paths — a gateway's event publishes and its questions to the
 * authorization service — over one inbox subscription. nats.js makes a timer, a token, two
 * deferreds and, when the reply has come, an Error with its stack trace for every request (the
 * Error alone was 8 % of a loaded gateway's CPU); here a request is one map entry, and one timer
 * fails those whose deadline passed. Like nats.js's requests, it relies on the server's
 * "no responders" status for a subject nobody serves.
 */
export class Replies {
  private readonly inbox = `${createInbox()}.`;
  private readonly pending = new Map<string, Pending>();
  private sweeper: NodeJS.Timeout | undefined;
  private lastToken = 0;

  constructor(private readonly nc: NatsConnection) {
    nc.subscribe(`${this.inbox}*`, { callback: (error, message) => (error ? this.failAll(error) : this.settle(message)) });
    void nc.closed().then(() => this.failAll(NatsError.errorForCode(ErrorCode.ConnectionClosed)));
  }

  /** Publishes `data` to `subject`; `onReply` is called with its reply, or with why there is none. */
  request(subject: string, data: Uint8Array, timeoutMs: number, onReply: ReplyCallback, headers?: MsgHdrs): void {
    const token = (++this.lastToken).toString(36);
    try {
      this.nc.publish(subject, data, { reply: this.inbox + token, headers });
    } catch (error) {
      return onReply(error instanceof NatsError ? error : new NatsError(String(error), ErrorCode.Unknown));
    }
    this.pending.set(token, { deadline: Date.now() + timeoutMs, onReply });
    this.sweeper ??= setInterval(this.sweep, SWEEP_INTERVAL_MS).unref();
  }

  /** The promise form of {@link request}. */
  ask(subject: string, data: Uint8Array, timeoutMs: number, headers?: MsgHdrs): Promise<Msg> {
    return new Promise((resolve, reject) =>
      this.request(subject, data, timeoutMs, (error, message) => (error ? reject(error) : resolve(message as Msg)), headers),
    );
  }

  private settle(message: Msg): void {
    const token = message.subject.slice(this.inbox.length);
    const pending = this.pending.get(token);
    if (!pending) return;
    this.pending.delete(token);
    if (message.headers?.code === NO_RESPONDERS) pending.onReply(NatsError.errorForCode(ErrorCode.NoResponders));
    else pending.onReply(null, message);
  }

  private readonly sweep = (): void => {
    const now = Date.now();
    for (const [token, pending] of this.pending) {
      if (pending.deadline > now) continue;
      this.pending.delete(token);
      pending.onReply(NatsError.errorForCode(ErrorCode.Timeout));
    }
    if (this.pending.size === 0) {
      clearInterval(this.sweeper);
      this.sweeper = undefined;
    }
  };

  private failAll(error: NatsError): void {
    const failed = [...this.pending.values()];
    this.pending.clear();
    for (const pending of failed) pending.onReply(error);
  }
}
