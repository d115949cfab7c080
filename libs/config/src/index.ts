export { gatewayBaseUrl, loadConfig, logFormatOf, ConfigError, LOG_FORMATS, LOG_LEVELS } from './config';
export type { Config, LogFormat, LogLevel, TlsFiles, UnknownChargePointPolicy } from './config';
