import { describe, expect, it } from 'vitest';
import { OutboundCallQueue, type CallOutcome, type Timers } from './outbound-calls';

/** A hand-driven clock: a test fires timers explicitly. */
class ManualTimers implements Timers<number> {
  private readonly pending = new Map<number, () => void>();
  private next = 0;
  set(callback: () => void): number {
    this.pending.set(++this.next, callback);
    return this.next;
  }
  clear(handle: number): void {
    this.pending.delete(handle);
  }
  get count(): number {
    return this.pending.size;
  }
  fireAll(): void {
    for (const [handle, callback] of [...this.pending]) {
      this.pending.delete(handle);
      callback();
    }
  }
}

function givenAQueue({ socketOpen = true } = {}) {
  const sent: { uniqueId: string; action: string; payload: Record<string, unknown> }[] = [];
  const outcomes: Record<string, CallOutcome> = {};
  const timers = new ManualTimers();
  let id = 0;
  const queue = new OutboundCallQueue({
    send: (uniqueId, action, payload) => socketOpen && sent.push({ uniqueId, action, payload }) > 0,
    nextUniqueId: () => `c${++id}`,
    timeoutMs: 30_000,
    timers,
  });
  const call = (name: string, action = 'Reset', payload: Record<string, unknown> = { type: 'Soft' }) =>
    queue.enqueue(action, payload, (outcome) => {
      if (name in outcomes) throw new Error(`${name} settled twice`);
      outcomes[name] = outcome;
    });
  return { queue, sent, outcomes, timers, call };
}

describe('outbound call queue', () => {
  it('sends a call at once and settles it with the wallbox result', () => {
    const { queue, sent, outcomes, timers, call } = givenAQueue();
    call('reset');
    expect(sent).toEqual([{ uniqueId: 'c1', action: 'Reset', payload: { type: 'Soft' } }]);
    expect(queue.settleReply('c1', { kind: 'result', payload: { status: 'Accepted' } })).toBe(true);
    expect(outcomes.reset).toEqual({ kind: 'result', payload: { status: 'Accepted' } });
    expect(timers.count).toBe(0);
    expect(queue.size).toBe(0);
  });

  it('keeps one call in flight and sends the next, in order, once the first is answered', () => {
    const { queue, sent, outcomes, call } = givenAQueue();
    call('first', 'Reset');
    call('second', 'UnlockConnector', { connectorId: 1 });
    call('third', 'ClearCache', {});
    expect(sent.map((s) => s.action)).toEqual(['Reset']);
    expect(queue.size).toBe(3);
    queue.settleReply('c1', { kind: 'callError', code: 'NotSupported', description: 'no', details: {} });
    expect(outcomes.first).toMatchObject({ kind: 'callError', code: 'NotSupported' });
    expect(sent.map((s) => s.action)).toEqual(['Reset', 'UnlockConnector']);
    queue.settleReply('c2', { kind: 'result', payload: { status: 'Unlocked' } });
    expect(sent.map((s) => s.uniqueId)).toEqual(['c1', 'c2', 'c3']);
  });

  it('ignores a reply whose unique id is not the call in flight', () => {
    const { queue, outcomes, call } = givenAQueue();
    call('reset');
    expect(queue.settleReply('other', { kind: 'result', payload: {} })).toBe(false);
    expect(outcomes).toEqual({});
  });

  it('times a call out, moves on to the next, and ignores the late answer', () => {
    const { queue, sent, outcomes, timers, call } = givenAQueue();
    call('slow');
    call('next');
    timers.fireAll();
    expect(outcomes.slow).toEqual({ kind: 'timeout' });
    expect(sent.map((s) => s.uniqueId)).toEqual(['c1', 'c2']);
    expect(queue.settleReply('c1', { kind: 'result', payload: {} })).toBe(false);
    expect(outcomes.next).toBeUndefined();
  });

  it('settles every open call offline when the connection closes, and later calls at once', () => {
    const { queue, outcomes, timers, call } = givenAQueue();
    call('inFlight');
    call('waiting');
    queue.close();
    call('late');
    expect(outcomes).toEqual({ inFlight: { kind: 'offline' }, waiting: { kind: 'offline' }, late: { kind: 'offline' } });
    expect(timers.count).toBe(0);
  });

  it('settles offline when the socket can no longer send', () => {
    const { outcomes, call } = givenAQueue({ socketOpen: false });
    call('reset');
    expect(outcomes.reset).toEqual({ kind: 'offline' });
  });
});
