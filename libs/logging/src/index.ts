export { createLogger, loggerOptions, startLogging } from './logger';
export type { LoggerOptions } from './logger';
export { NestLogger } from './nest-logger';
export { loadServiceConfig } from './service-config';
export { correlationIdOf, eventCorrelationId, CORRELATION_HEADERS, CORRELATION_RESPONSE_HEADER } from './correlation';
export type { Logger } from 'pino';
export { TypeOrmLogger } from './typeorm-logger';
