export interface LatencySummary {
  samples: number;
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile (0 < p ≤ 100) of ascending samples; 0 when there are none. */
export function percentile(ascending: readonly number[], p: number): number {
  if (ascending.length === 0) return 0;
  const rank = Math.ceil((p / 100) * ascending.length);
  return ascending[Math.min(Math.max(rank, 1), ascending.length) - 1];
}

export function summarize(samples: readonly number[]): LatencySummary {
  const ascending = [...samples].sort((a, b) => a - b);
  return {
    samples: ascending.length,
    p50: percentile(ascending, 50),
    p99: percentile(ascending, 99),
    max: ascending.at(-1) ?? 0,
  };
}
