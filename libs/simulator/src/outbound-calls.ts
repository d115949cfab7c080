import { CallFailedError, type CallFailure } from './errors';
import { encodeCall, type Payload } from './framing';

interface QueuedCall {
  action: string;
  payload: object;
  resolve: (payload: Payload) => void;
  reject: (error: CallFailedError) => void;
}

interface CallInFlight extends QueuedCall {
  uniqueId: string;
  deadline: number;
}

/**
 * The calls a wallbox makes to the central system. OCPP-J §4.1.1 allows one CALL in flight per
 * direction, so further calls wait in a queue; every call settles exactly once: with the result,
 * the CALLERROR, a timeout, or when the connection goes away.
 */
export class OutboundCalls {
  private readonly queue: QueuedCall[] = [];
  private inFlight: CallInFlight | undefined;
  private lastUniqueId = 0;
  sentCount = 0;

  constructor(
    /** Writes a frame; false when there is no open connection. */
    private readonly transmit: (text: string) => boolean,
    private readonly timeoutMs: number,
  ) {}

  call(action: string, payload: object): Promise<Payload> {
    return new Promise((resolve, reject) => {
      this.queue.push({ action, payload, resolve, reject });
      this.sendNext();
    });
  }

  /** Whether a call of this action is already waiting or in flight (to not pile up heartbeats). */
  has(action: string): boolean {
    return this.inFlight?.action === action || this.queue.some((call) => call.action === action);
  }

  settleWithResult(uniqueId: string, payload: Payload): void {
    const call = this.take(uniqueId);
    call?.resolve(payload);
  }

  settleWithError(uniqueId: string, errorCode: string, description: string, details: unknown): void {
    const call = this.take(uniqueId);
    call?.reject(new CallFailedError('callError', call.action, `${errorCode}: ${description}`, errorCode, details));
  }

  expireOverdue(now: number): void {
    if (!this.inFlight || now < this.inFlight.deadline) return;
    const call = this.take(this.inFlight.uniqueId);
    call?.reject(new CallFailedError('timeout', call.action, `no answer within ${this.timeoutMs} ms`));
  }

  failAll(failure: CallFailure, description: string): void {
    const calls = this.inFlight ? [this.inFlight, ...this.queue] : [...this.queue];
    this.inFlight = undefined;
    this.queue.length = 0;
    for (const call of calls) call.reject(new CallFailedError(failure, call.action, description));
  }

  /** Ends the call in flight if it has this id; an answer to anything else is late or foreign. */
  private take(uniqueId: string): CallInFlight | undefined {
    const call = this.inFlight;
    if (call?.uniqueId !== uniqueId) return undefined;
    this.inFlight = undefined;
    this.sendNext();
    return call;
  }

  private sendNext(): void {
    while (!this.inFlight && this.queue.length > 0) {
      const call = this.queue.shift() as QueuedCall;
      const uniqueId = String(++this.lastUniqueId);
      if (!this.transmit(encodeCall(uniqueId, call.action, call.payload))) {
        call.reject(new CallFailedError('offline', call.action, 'not connected'));
        continue;
      }
      this.sentCount++;
      this.inFlight = { ...call, uniqueId, deadline: Date.now() + this.timeoutMs };
    }
  }
}
