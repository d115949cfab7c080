import { describe, expect, it } from 'vitest';
import { consumerReadiness, StallWatch } from './consumer-readiness';

const bounds = { maxPending: 100, maxStallMs: 30_000 };

describe('consumerReadiness', () => {
  it('is ready within both bounds and shows what is pending and parked', () => {
    expect(consumerReadiness({ pending: 100, stalledMs: 30_000, parked: 2 }, bounds)).toEqual({ ready: true, details: { pending: 100, parked: 2 } });
  });

  it('is not ready past the pending bound', () => {
    expect(consumerReadiness({ pending: 101, stalledMs: 0, parked: 0 }, bounds)).toEqual({
      ready: false,
      details: { pending: 101, parked: 0, reason: '101 events pending, more than 100' },
    });
  });

  it('is not ready when it has not committed for longer than the stall bound while events wait', () => {
    expect(consumerReadiness({ pending: 1, stalledMs: 45_000, parked: 0 }, bounds)).toMatchObject({ ready: false, details: { reason: 'no commit for 45 s while events wait' } });
  });
});

describe('StallWatch', () => {
  it('counts the time a position stands still while events wait, from the first look', () => {
    const watch = new StallWatch();
    expect(watch.stalledMs(10, 5, 1000)).toBe(0);
    expect(watch.stalledMs(10, 5, 4000)).toBe(3000);
    expect(watch.stalledMs(12, 5, 5000)).toBe(0);
    expect(watch.stalledMs(12, 5, 9000)).toBe(4000);
  });

  it('is never stalled with nothing to do', () => {
    const watch = new StallWatch();
    expect(watch.stalledMs(10, 0, 1000)).toBe(0);
    expect(watch.stalledMs(10, 0, 90_000)).toBe(0);
    expect(watch.stalledMs(10, 1, 91_000)).toBe(1000);
    expect(watch.stalledMs(10, 1, 92_000)).toBe(2000);
  });
});
