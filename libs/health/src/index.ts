export { startHealthServer } from './health-server';
export type { HealthCheck, HealthReport } from './health-server';
export { consumerReadiness, StallWatch } from './consumer-readiness';
export type { ConsumerProgress, ReadinessBounds } from './consumer-readiness';
export { createMetricsRegistry } from './metrics';
