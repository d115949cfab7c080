import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { MetricSpec } from './metric-catalogue';

/** A service's own Prometheus registry, with Node's process metrics and a `service` label on every series. */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

export function counterOf<Label extends string>(registry: Registry, { name, help, labelNames }: MetricSpec<Label>): Counter<Label> {
  return new Counter({ name, help, labelNames, registers: [registry] });
}

export function histogramOf<Label extends string>(registry: Registry, { name, help, labelNames, buckets }: MetricSpec<Label>): Histogram<Label> {
  return new Histogram({ name, help, labelNames, buckets: buckets && [...buckets], registers: [registry] });
}

/** A gauge without labels whose value is read when it is scraped. */
export function gaugeOf(registry: Registry, { name, help }: MetricSpec, read: () => number | Promise<number>): Gauge {
  return new Gauge({
    name,
    help,
    registers: [registry],
    async collect() {
      this.set(await read());
    },
  });
}
