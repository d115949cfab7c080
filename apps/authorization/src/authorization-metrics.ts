import type { Registry } from 'prom-client';
import { counterOf, createMetricsRegistry, METRICS } from '@voltstream/health';

/** What a decision was about: a boot, or an id tag presented with Authorize, Start- or StopTransaction. */
export type DecisionKind = 'boot' | 'authorize' | 'start' | 'stop';

/** Told of every decision the service answers, by its OCPP status. */
export interface DecisionObserver {
  decided(kind: DecisionKind, result: string): void;
}

/** The authorization service's Prometheus metrics, served on its health port. */
export class AuthorizationMetrics implements DecisionObserver {
  readonly registry: Registry = createMetricsRegistry('authorization');
  private readonly decisions = counterOf(this.registry, METRICS.authorization.decisions);

  decided(kind: DecisionKind, result: string): void {
    this.decisions.labels(kind, result).inc();
  }
}
