import { Counter, type Metric, type Registry } from 'prom-client';
import type { MetricSpec } from './metric-catalogue';

/*
 * Metrics for a hot path. A prom-client label child validates and hashes its labels on every inc
 * (~0.2 µs) or observe (~0.4 µs); the gateway does three per OCPP message, more than its budget
 * (≤ 5 % of its CPU per message, docs/performance.md). Here a series is made once and counted in
 * plain numbers; prom-client's registry still reads and writes the exposition, at scrape.
 */

type Labels<Label extends string> = Record<Label, string>;

/** One series of a tallied counter. */
export class CounterTally {
  pending = 0;

  inc(): void {
    this.pending++;
  }
}

/** A prom-client counter whose hot-path series are tallies, added to it when it is scraped. */
export function talliedCounterOf<Label extends string>(registry: Registry, { name, help, labelNames }: MetricSpec<Label>): (labels: Labels<Label>) => CounterTally {
  const series: { labels: Labels<Label>; tally: CounterTally }[] = [];
  new Counter({
    name,
    help,
    labelNames,
    registers: [registry],
    collect() {
      for (const { labels, tally } of series) {
        if (tally.pending > 0) this.inc(labels, tally.pending);
        tally.pending = 0;
      }
    },
  });
  return (labels) => {
    const tally = new CounterTally();
    series.push({ labels, tally });
    return tally;
  };
}

/** One series of a tallied histogram: a count per bucket (the last one +Inf), their sum. */
export class HistogramTally {
  readonly counts: Float64Array;
  sum = 0;

  constructor(private readonly bounds: readonly number[]) {
    this.counts = new Float64Array(bounds.length + 1);
  }

  observe(value: number): void {
    let bucket = 0;
    while (bucket < this.bounds.length && value > this.bounds[bucket]) bucket++;
    this.counts[bucket]++;
    this.sum += value;
  }
}

interface ExposedValue {
  labels: Record<string, string | number>;
  value: number;
  metricName: string;
}

/**
 * A histogram whose series are tallies, shown by prom-client's registry like its own histograms:
 * the registry reads any registered metric through get() (its types know only its own classes).
 */
export class TalliedHistogram<Label extends string> {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  readonly name: string;
  readonly help: string;
  private readonly bounds: readonly number[];
  private readonly series: { labels: Labels<Label>; tally: HistogramTally }[] = [];

  constructor(registry: Registry, { name, help, buckets }: MetricSpec<Label>) {
    if (!buckets) throw new Error(`the histogram ${name} has no buckets`);
    this.name = name;
    this.help = help;
    this.bounds = buckets;
    registry.registerMetric(this as unknown as Metric);
  }

  tally(labels: Labels<Label>): HistogramTally {
    const tally = new HistogramTally(this.bounds);
    this.series.push({ labels, tally });
    return tally;
  }

  async get(): Promise<{ name: string; help: string; type: string; aggregator: string; values: ExposedValue[] }> {
    const values = this.series.filter(({ tally }) => tally.counts.some((count) => count > 0)).flatMap(({ labels, tally }) => this.exposed(labels, tally));
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  reset(): void {
    for (const { tally } of this.series) {
      tally.counts.fill(0);
      tally.sum = 0;
    }
  }

  private exposed(labels: Labels<Label>, { counts, sum }: HistogramTally): ExposedValue[] {
    let cumulative = 0;
    const buckets = [...this.bounds, '+Inf'].map((le, bucket) => {
      cumulative += counts[bucket];
      return { labels: { ...labels, le }, value: cumulative, metricName: `${this.name}_bucket` };
    });
    return [...buckets, { labels, value: sum, metricName: `${this.name}_sum` }, { labels, value: cumulative, metricName: `${this.name}_count` }];
  }
}
