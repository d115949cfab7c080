/**
 * Calls the central system sends to one wallbox (OCPP-J §4.1.1: one CALL in flight per
 * connection). A state machine without I/O: the shell gives it a send function and timers.
 * Every call is settled exactly once: with the reply, a timeout, or offline.
 */
export type CallOutcome =
  | { kind: 'result'; payload: Record<string, unknown> }
  | { kind: 'callError'; code: string; description: string; details: Record<string, unknown> }
  | { kind: 'timeout' }
  | { kind: 'offline' };

export type CallReply = Extract<CallOutcome, { kind: 'result' | 'callError' }>;

export interface Timers<Handle = unknown> {
  set(callback: () => void, ms: number): Handle;
  clear(handle: Handle): void;
}

export interface OutboundCallOptions<Handle = unknown> {
  /** Writes the CALL to the socket; false when the socket can no longer send. */
  send(uniqueId: string, action: string, payload: Record<string, unknown>): boolean;
  nextUniqueId(): string;
  timeoutMs: number;
  timers: Timers<Handle>;
}

interface QueuedCall {
  action: string;
  payload: Record<string, unknown>;
  /** `uniqueId`: the call's, when it was sent. */
  settle(outcome: CallOutcome, uniqueId?: string): void;
}

interface CallInFlight<Handle> extends QueuedCall {
  uniqueId: string;
  timer: Handle;
}

const OFFLINE: CallOutcome = { kind: 'offline' };
const TIMEOUT: CallOutcome = { kind: 'timeout' };

export class OutboundCallQueue<Handle = unknown> {
  private readonly waiting: QueuedCall[] = [];
  private inFlight: CallInFlight<Handle> | undefined;
  private closed = false;

  constructor(private readonly options: OutboundCallOptions<Handle>) {}

  /** Calls waiting or in flight. */
  get size(): number {
    return this.waiting.length + (this.inFlight ? 1 : 0);
  }

  enqueue(action: string, payload: Record<string, unknown>, settle: QueuedCall['settle']): void {
    if (this.closed) return settle(OFFLINE);
    this.waiting.push({ action, payload, settle });
    this.sendNext();
  }

  /** A CALLRESULT or CALLERROR arrived. @returns false when it answers no call in flight. */
  settleReply(uniqueId: string, reply: CallReply): boolean {
    if (this.inFlight?.uniqueId !== uniqueId) return false;
    this.finish(reply);
    return true;
  }

  /** The connection is gone: every call still open is settled offline, later ones at once. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.inFlight) this.finish(OFFLINE);
    for (const call of this.waiting.splice(0)) call.settle(OFFLINE);
  }

  private sendNext(): void {
    while (!this.inFlight && !this.closed && this.waiting.length > 0) {
      const call = this.waiting.shift() as QueuedCall;
      const uniqueId = this.options.nextUniqueId();
      if (!this.options.send(uniqueId, call.action, call.payload)) {
        call.settle(OFFLINE);
        this.close();
        return;
      }
      const timer = this.options.timers.set(() => this.finish(TIMEOUT), this.options.timeoutMs);
      this.inFlight = { ...call, uniqueId, timer };
    }
  }

  private finish(outcome: CallOutcome): void {
    const call = this.inFlight;
    if (!call) return;
    this.inFlight = undefined;
    this.options.timers.clear(call.timer);
    call.settle(outcome, call.uniqueId);
    this.sendNext();
  }
}
