export { gatewayBaseUrl, loadConfig, ConfigError } from './config';
export type { Config, TlsFiles, UnknownChargePointPolicy } from './config';
