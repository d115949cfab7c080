import { describe, expect, it } from 'vitest';
import { LapseBook, leaseTimings } from './lapse-book';

const TTL_MS = 3000;

describe('a lease lapses when not written for longer than its time to live, by the watcher\'s clock', () => {
  it('is live while renewed within its time to live, and lapses after', () => {
    const book = new LapseBook(TTL_MS);
    book.written('pod-a', 1, 0);
    book.written('pod-a', 2, 2500);
    expect(book.lapsed(5500)).toEqual([]);
    expect(book.lapsed(5501)).toEqual([{ key: 'pod-a', revision: 2 }]);
  });

  it('lapses each lease on its own, with the revision a claim must replace', () => {
    const book = new LapseBook(TTL_MS);
    book.written('pod-a', 1, 0);
    book.written('pod-b', 2, 1000);
    book.written('pod-a', 3, 1500);
    expect(book.lapsed(4200)).toEqual([{ key: 'pod-b', revision: 2 }]);
  });

  it('never lapses a lease that was given back', () => {
    const book = new LapseBook(TTL_MS);
    book.written('pod-a', 1, 0);
    book.removed('pod-a');
    expect(book.lapsed(60_000)).toEqual([]);
  });

  it('is renewed three times and looked for four times within its time to live', () => {
    expect(leaseTimings(30_000)).toEqual({ renewEveryMs: 10_000, checkEveryMs: 7500 });
  });
});
