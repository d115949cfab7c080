export { startHealthServer } from './health-server';
export type { HealthCheck, HealthReport } from './health-server';
export { consumerReadiness, StallWatch } from './consumer-readiness';
export type { ConsumerProgress, ReadinessBounds } from './consumer-readiness';
export { counterOf, createMetricsRegistry, gaugeOf, histogramOf } from './metrics';
export { METRICS, seriesNames, type MetricSpec, type ServiceName } from './metric-catalogue';
export { CounterTally, HistogramTally, talliedCounterOf, TalliedHistogram } from './tallies';
