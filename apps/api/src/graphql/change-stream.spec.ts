import { describe, expect, it } from 'vitest';
import { ChangeStream } from './change-stream';

describe('ChangeStream: one subscriber’s changes', () => {
  it('hands out changes in order, whether pushed before or while the subscriber waits', async () => {
    const stream = new ChangeStream<number>(() => undefined);
    stream.push(1);
    const waiting = (async () => [await stream.next(), await stream.next()])();
    stream.push(2);
    expect(await waiting).toEqual([
      { value: 1, done: false },
      { value: 2, done: false },
    ]);
  });

  it('ends a subscriber that is waiting, runs onEnd once and drops later changes', async () => {
    let ended = 0;
    const stream = new ChangeStream<number>(() => ended++);
    const waiting = stream.next();
    await stream.return();
    await stream.return();
    stream.push(3);
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    expect(ended).toBe(1);
  });

  it('keeps only the newest changes of a subscriber that lags far behind', async () => {
    const stream = new ChangeStream<number>(() => undefined);
    for (let change = 1; change <= 1001; change++) stream.push(change);
    expect(await stream.next()).toEqual({ value: 2, done: false });
  });

  it('replaces what a lagging subscriber that must miss nothing has not taken by its restart value, then the newer changes', async () => {
    const stream = new ChangeStream<number>(() => undefined, 0);
    for (let change = 1; change <= 1001; change++) stream.push(change);
    expect([await stream.next(), await stream.next()]).toEqual([
      { value: 0, done: false },
      { value: 1001, done: false },
    ]);
  });
});
