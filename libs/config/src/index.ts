export { loadConfig, ConfigError } from './config';
export type { Config, UnknownChargePointPolicy } from './config';
