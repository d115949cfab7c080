import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { talliedCounterOf, TalliedHistogram } from './tallies';

const BUCKETS = [0.001, 0.01, 0.1, 1];
const spec = (name: string) => ({ kind: 'histogram' as const, name, help: 'h', labelNames: ['action'] as const, buckets: BUCKETS });

/** A registry's exposition as series (name and sorted labels) to values, the metric's own name made `m`. */
async function seriesOf(registry: Registry, name: string): Promise<Map<string, number>> {
  const series = new Map<string, number>();
  for (const line of (await registry.metrics()).split('\n')) {
    const match = /^(\w+?)(_bucket|_sum|_count)?(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || !match[1].startsWith(name)) continue;
    const labels = (match[3] ?? '').split(',').filter(Boolean).sort().join(',');
    series.set(`m${match[2] ?? ''}{${labels}}`, Number(match[4]));
  }
  return series;
}

/** Values around, on and beyond the bounds, negative and huge ones included. */
function observations(count: number): number[] {
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const special = [0, -1, 0.001, 0.01, 0.1, 1, 1.0000001, 1e9, Number.MIN_VALUE];
  return [...special, ...Array.from({ length: count }, () => 10 ** (random() * 6 - 4))];
}

describe('tallied metrics', () => {
  it('expose a histogram exactly as prom-client would, series by series', async () => {
    const registry = new Registry();
    registry.setDefaultLabels({ service: 'test' });
    const oracle = new Histogram({ ...spec('oracle'), labelNames: ['action'], buckets: BUCKETS, registers: [registry] });
    const tallied = new TalliedHistogram(registry, spec('tallied'));
    const series = { Heartbeat: tallied.tally({ action: 'Heartbeat' }), MeterValues: tallied.tally({ action: 'MeterValues' }) };
    tallied.tally({ action: 'Authorize' });
    observations(2000).forEach((value, index) => {
      const action = index % 3 === 0 ? 'Heartbeat' : 'MeterValues';
      oracle.labels(action).observe(value);
      series[action].observe(value);
    });
    const expected = await seriesOf(registry, 'oracle');
    expect(expected.size).toBe(2 * (BUCKETS.length + 3));
    expect(await seriesOf(registry, 'tallied')).toEqual(expected);
    expect((await registry.metrics()).match(/^# TYPE tallied histogram$/m)).not.toBeNull();
  });

  it('count a counter exactly as prom-client would, across scrapes, and show no series never counted', async () => {
    const registry = new Registry();
    const oracle = new Counter({ name: 'oracle_total', help: 'h', labelNames: ['action', 'outcome'], registers: [registry] });
    const series = talliedCounterOf(registry, { kind: 'counter', name: 'tallied_total', help: 'h', labelNames: ['action', 'outcome'] });
    const heartbeats = series({ action: 'Heartbeat', outcome: 'result' });
    series({ action: 'Authorize', outcome: 'result' });
    for (const scrape of [3, 0, 5]) {
      for (let count = 0; count < scrape; count++) {
        heartbeats.inc();
        oracle.labels('Heartbeat', 'result').inc();
      }
      expect(await seriesOf(registry, 'tallied')).toEqual(await seriesOf(registry, 'oracle'));
    }
    expect((await seriesOf(registry, 'tallied')).get('m{action="Heartbeat",outcome="result"}')).toBe(8);
  });

  it('start again from zero when the registry is reset', async () => {
    const registry = new Registry();
    const tallied = new TalliedHistogram(registry, spec('tallied'));
    tallied.tally({ action: 'Heartbeat' }).observe(0.5);
    registry.resetMetrics();
    expect(await seriesOf(registry, 'tallied')).toEqual(new Map());
  });
});
