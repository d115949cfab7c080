export { startHealthServer } from './health-server';
export type { HealthCheck } from './health-server';
