import { describe, expect, it } from 'vitest';
import { atMostScaledBaseline, figure, ratioAtLeast, ratioAtMost } from './figures';
import { medianRatio, mergeSamples, percentile, perSecond, pickRandom, ratio, Reservoir, summarize } from './stats';

/** A deterministic stand-in for Math.random: cycles through the given values. */
function sequence(...values: number[]): () => number {
  let index = 0;
  return () => values[index++ % values.length];
}

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, index) => 100 - index);

  it('is the smallest sample that p % of the samples do not exceed', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([7, 1, 3], 50)).toBe(3);
  });

  it('takes the smallest sample for p = 0 and the one sample there is', () => {
    expect(percentile(hundred, 0)).toBe(1);
    expect(percentile([42], 99)).toBe(42);
  });

  it('has no value without samples and refuses a p outside 0…100', () => {
    expect(percentile([], 50)).toBeNull();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('does not reorder the samples it is given', () => {
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });
});

describe('summarize', () => {
  it('gives count, p50, p99 and max', () => {
    expect(summarize([5, 1, 4, 2, 3])).toEqual({ count: 5, p50: 3, p99: 5, max: 5 });
    expect(summarize([])).toEqual({ count: 0, p50: null, p99: null, max: null });
  });
});

describe('ratio and rate', () => {
  it('divides by the baseline, and has no value without a positive baseline', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(null, 2)).toBeNull();
    expect(ratio(3, null)).toBeNull();
    expect(ratio(Number.NaN, 2)).toBeNull();
  });

  it('counts per second over a duration in milliseconds', () => {
    expect(perSecond(500, 250)).toBe(2000);
    expect(perSecond(5, 0)).toBeNull();
  });

  it("takes the median of paired runs' ratios, leaving out pairs with a side missing", () => {
    expect(medianRatio([{ a: 90, b: 100 }, { a: 300, b: 100 }, { a: 100, b: 100 }])).toBe(1);
    expect(medianRatio([{ a: 90, b: 100 }, { a: 110, b: 100 }, { a: 5, b: null }])).toBeCloseTo(1);
    expect(medianRatio([{ a: null, b: 100 }])).toBeNull();
  });
});

describe('Reservoir', () => {
  it('keeps every value while under capacity', () => {
    const reservoir = new Reservoir(3);
    [1, 2].forEach((value) => reservoir.add(value));
    expect(reservoir.samples()).toEqual([1, 2]);
    expect(reservoir.seen).toBe(2);
  });

  it('keeps capacity values and counts every one it saw', () => {
    // the 3rd value draws 0.9 → slot 2 of 3: left out; the 4th draws 0.1 → slot 0 of 4: replaces the first
    const reservoir = new Reservoir(2, sequence(0.9, 0.1));
    [1, 2, 3, 4].forEach((value) => reservoir.add(value));
    expect(reservoir.samples()).toEqual([4, 2]);
    expect(reservoir.seen).toBe(4);
  });
});

describe('merging the samples of workers', () => {
  it('picks distinct values of the given ones', () => {
    const picked = pickRandom([1, 2, 3, 4], 3, sequence(0.5));
    expect(picked).toHaveLength(3);
    expect(new Set(picked).size).toBe(3);
    picked.forEach((value) => expect([1, 2, 3, 4]).toContain(value));
  });

  it('weights each worker by how many values it saw, not by how many it kept', () => {
    const busy = { samples: [1, 1, 1, 1], seen: 300 };
    const idle = { samples: [2, 2, 2, 2], seen: 100 };
    const merged = mergeSamples([busy, idle], 4, sequence(0));
    expect(merged.filter((value) => value === 1)).toHaveLength(3);
    expect(merged.filter((value) => value === 2)).toHaveLength(1);
  });

  it('keeps everything when it all fits', () => {
    expect(mergeSamples([{ samples: [1, 2], seen: 2 }, { samples: [3], seen: 1 }], 10).sort()).toEqual([1, 2, 3]);
    expect(mergeSamples([], 10)).toEqual([]);
  });
});

describe('figures against targets', () => {
  it('compares the ratio to the baseline', () => {
    const throughput = figure({ scenario: 's', name: 'n', unit: '/s', voltstream: 800, baseline: 1000, target: ratioAtLeast(0.7) });
    expect(throughput).toMatchObject({ ratio: 0.8, met: true, target: 'ratio ≥ 0.7' });
    expect(figure({ scenario: 's', name: 'n', unit: 'KiB', voltstream: 20, baseline: 10, target: ratioAtMost(1.5) }).met).toBe(false);
  });

  it('allows a latency twice the baseline plus a fixed slack', () => {
    const target = atMostScaledBaseline(2, 1, 'ms');
    expect(figure({ scenario: 's', name: 'p99', unit: 'ms', voltstream: 5, baseline: 2, target }).met).toBe(true);
    expect(figure({ scenario: 's', name: 'p99', unit: 'ms', voltstream: 5.5, baseline: 2, target }).met).toBe(false);
  });

  it('leaves met open when a value is missing', () => {
    expect(figure({ scenario: 's', name: 'n', unit: '', voltstream: null, baseline: 1, target: ratioAtLeast(1) }).met).toBeNull();
    expect(figure({ scenario: 's', name: 'n', unit: '', voltstream: 1, baseline: null, target: ratioAtLeast(1) }).met).toBeNull();
  });
});
