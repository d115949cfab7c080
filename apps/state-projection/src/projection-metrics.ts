import type { Counter, Registry } from 'prom-client';
import type { ProjectionWrites } from '@voltstream/domain';
import { counterOf, createMetricsRegistry, gaugeOf, METRICS } from '@voltstream/health';

const SPECS = METRICS['state-projection'];

/** The rows of a batch, by the table they go to. */
const WRITTEN_TABLES = [
  ['chargePoints', 'charge_points'],
  ['connectors', 'connectors'],
  ['transactions', 'transactions'],
  ['meterValues', 'meter_values'],
  ['dataTransfers', 'data_transfers'],
  ['securityEvents', 'security_events'],
  ['tags', 'tags'],
  ['localTags', 'local_tags'],
  ['localListSyncs', 'local_list_sync'],
  ['reservations', 'reservations'],
  ['chargingProfiles', 'charging_profiles'],
  ['completedTransactions', 'billing_outbox'],
] as const satisfies readonly (readonly [keyof ProjectionWrites, string])[];

/** How far the read models are behind the log, as read when scraped. */
export interface Lag {
  events: number;
  seconds: number;
}

/** The state projection's Prometheus metrics, served on its health port. */
export class ProjectionMetrics {
  readonly registry: Registry = createMetricsRegistry('state-projection');
  private readonly rows: [keyof ProjectionWrites, Counter.Internal][];
  private readonly billing = counterOf(this.registry, SPECS.billingPublished);
  private scrape: Promise<Lag> | undefined;

  /** `readLag` is asked once per scrape, for both lag gauges. */
  constructor(readLag: () => Promise<Lag>) {
    const lag = (): Promise<Lag> => (this.scrape ??= readLag().finally(() => (this.scrape = undefined)));
    gaugeOf(this.registry, SPECS.lagEvents, async () => (await lag()).events);
    gaugeOf(this.registry, SPECS.lagSeconds, async () => (await lag()).seconds);
    const written = counterOf(this.registry, SPECS.rowsWritten);
    this.rows = WRITTEN_TABLES.map(([key, table]) => [key, written.labels(table)]);
  }

  /** A batch committed these writes. */
  written(writes: ProjectionWrites): void {
    for (const [key, counter] of this.rows) {
      const count = writes[key].length;
      if (count > 0) counter.inc(count);
    }
  }

  billingPublished(count: number): void {
    this.billing.inc(count);
  }
}
