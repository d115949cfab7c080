import type { Payload } from './framing';

interface QueuedCall {
  action: string;
  /** Read when the call is sent: a transaction id handed out meanwhile is known by then. */
  payload: () => object;
  /** Called with the answer before anything queued behind it is sent. */
  answered: (payload: Payload) => void;
  resolve: (payload: Payload) => void;
  reject: (error: Error) => void;
}

/**
 * The transaction-related messages of a wallbox (StartTransaction, StopTransaction and the
 * MeterValues of a transaction), kept while it is offline and sent in order once it is back: OCPP
 * 1.6 has a wallbox deliver them however long it was offline. One sent while others still wait
 * goes behind them.
 */
export class OfflineQueue {
  private readonly queued: QueuedCall[] = [];
  private sending = false;

  constructor(private readonly send: (action: string, payload: object) => Promise<Payload>) {}

  get length(): number {
    return this.queued.length;
  }

  /**
   * Sends at once when online and nothing waits; otherwise queues. `answered` sees the answer
   * before the messages behind it are sent (a StartTransaction's transaction id, for its stop).
   */
  call(action: string, payload: () => object, online: boolean, answered: (payload: Payload) => void = () => undefined): Promise<Payload> {
    if (online && this.queued.length === 0 && !this.sending) {
      return this.send(action, payload()).then((answer) => {
        answered(answer);
        return answer;
      });
    }
    return new Promise((resolve, reject) => this.queued.push({ action, payload, answered, resolve, reject }));
  }

  /** Sends what waits, oldest first; stops where the connection drops, to go on next time. */
  async flush(online: () => boolean): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.queued.length > 0 && online()) {
        const next = this.queued[0];
        const outcome = await this.send(next.action, next.payload()).then(
          (payload) => ({ payload }),
          (error: Error) => ({ error }),
        );
        if ('error' in outcome && !online()) return;
        this.queued.shift();
        if ('error' in outcome) {
          next.reject(outcome.error);
        } else {
          next.answered(outcome.payload);
          next.resolve(outcome.payload);
        }
      }
    } finally {
      this.sending = false;
    }
  }
}
