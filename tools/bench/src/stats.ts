/** Statistics of a benchmark: pure functions over samples, no clocks. */

export interface LatencySummary {
  count: number;
  p50: number | null;
  p99: number | null;
  max: number | null;
}

function sortedCopy(samples: readonly number[]): Float64Array {
  return Float64Array.from(samples).sort();
}

function rankOf(sorted: Float64Array, p: number): number {
  if (p < 0 || p > 100) throw new RangeError(`percentile must be from 0 to 100, got ${p}`);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(rank, 1) - 1];
}

/** The nearest-rank percentile: the smallest sample that at least p % of the samples do not exceed. */
export function percentile(samples: readonly number[], p: number): number | null {
  if (samples.length === 0) return null;
  return rankOf(sortedCopy(samples), p);
}

export function summarize(samples: readonly number[]): LatencySummary {
  if (samples.length === 0) return { count: 0, p50: null, p99: null, max: null };
  const sorted = sortedCopy(samples);
  return { count: sorted.length, p50: rankOf(sorted, 50), p99: rankOf(sorted, 99), max: sorted[sorted.length - 1] };
}

/** value ÷ baseline; null when either is missing or the baseline is not a positive number. */
export function ratio(value: number | null, baseline: number | null): number | null {
  if (value === null || baseline === null || !Number.isFinite(value) || !Number.isFinite(baseline)) return null;
  if (baseline <= 0) return null;
  return value / baseline;
}

/** The median of the values there are; null when there are none. */
export function median(values: readonly (number | null)[]): number | null {
  const sorted = Float64Array.from(values.filter((value): value is number => value !== null)).sort();
  if (sorted.length === 0) return null;
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The median of each pair's a ÷ b: runs measured in alternation, so that a drift of the machine meets both sides alike. */
export function medianRatio(pairs: readonly { a: number | null; b: number | null }[]): number | null {
  return median(pairs.map(({ a, b }) => ratio(a, b)));
}

/** Events per second; null for an empty or non-positive duration. */
export function perSecond(count: number, durationMs: number): number | null {
  return durationMs > 0 ? (count * 1000) / durationMs : null;
}

/**
 * Keeps a uniform random sample of at most `capacity` values of a stream (reservoir sampling,
 * Vitter's algorithm R), so a long run's latencies fit in memory and over IPC.
 */
export class Reservoir {
  private readonly values: number[] = [];
  seen = 0;

  constructor(
    private readonly capacity: number,
    private readonly random: () => number = Math.random,
  ) {}

  add(value: number): void {
    this.seen += 1;
    if (this.values.length < this.capacity) {
      this.values.push(value);
      return;
    }
    const slot = Math.floor(this.random() * this.seen);
    if (slot < this.capacity) this.values[slot] = value;
  }

  samples(): number[] {
    return [...this.values];
  }
}

/** `count` values picked uniformly at random from `values` (a partial Fisher–Yates shuffle). */
export function pickRandom(values: readonly number[], count: number, random: () => number = Math.random): number[] {
  const pool = [...values];
  const wanted = Math.min(count, pool.length);
  for (let index = 0; index < wanted; index++) {
    const other = index + Math.floor(random() * (pool.length - index));
    [pool[index], pool[other]] = [pool[other], pool[index]];
  }
  return pool.slice(0, wanted);
}

/**
 * Merges the samples of several workers into at most `capacity` values, each worker weighted by
 * how many values it saw (its reservoir may hold only a part of them).
 */
export function mergeSamples(
  parts: readonly { samples: readonly number[]; seen: number }[],
  capacity: number,
  random: () => number = Math.random,
): number[] {
  const total = parts.reduce((sum, part) => sum + part.seen, 0);
  if (total === 0) return [];
  return parts.flatMap((part) => pickRandom(part.samples, Math.round((capacity * part.seen) / total), random));
}
