import { describe, expect, it } from 'vitest';
import { drainPlan, MIN_DRAIN_SLICE_MS } from './drain-plan';

const identities = (count: number) => Array.from({ length: count }, (_, index) => `CP-${index}`);

describe('drainPlan: a stopping pod spreads its closes over the drain window', () => {
  it('given no drain window, when draining, then every connection closes at once', () => {
    expect(drainPlan(identities(5), 0)).toEqual([{ atMs: 0, items: identities(5) }]);
  });

  it('given no connections, when draining, then nothing is planned', () => {
    expect(drainPlan([], 10_000)).toEqual([]);
  });

  it('given fewer connections than slices fit the window, when draining, then one closes per slice at even intervals', () => {
    const plan = drainPlan(identities(4), 2000);
    expect(plan.map((slice) => slice.atMs)).toEqual([0, 500, 1000, 1500]);
    expect(plan.map((slice) => slice.items)).toEqual(identities(4).map((identity) => [identity]));
  });

  it('given many connections, when draining, then every one closes exactly once, in slices no closer than the minimum interval, within the window', () => {
    const items = identities(10_001);
    const plan = drainPlan(items, 30_000);
    expect(plan.flatMap((slice) => slice.items)).toEqual(items);
    const times = plan.map((slice) => slice.atMs);
    const gaps = times.slice(1).map((at, index) => at - times[index]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(MIN_DRAIN_SLICE_MS);
    expect(Math.max(...times)).toBeLessThan(30_000);
    expect(Math.max(...plan.map((slice) => slice.items.length))).toBe(Math.ceil(10_001 / (30_000 / MIN_DRAIN_SLICE_MS)));
  });
});
