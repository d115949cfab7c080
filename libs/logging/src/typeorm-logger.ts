import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLoggerContract } from 'typeorm';

const logger = new Logger('TypeORM');

/**
 * TypeORM's lines through the service's logger (NestJS's `Logger`, which `startLogging` routes):
 * a failed query at error, with the query and its parameters as fields. A query that succeeds is
 * not logged: TypeORM calls `logQuery` for every one.
 */
export class TypeOrmLogger implements TypeOrmLoggerContract {
  logQuery(): void {
    // Not logged (see above).
  }

  logQueryError(error: string | Error, query: string, parameters?: unknown[]): void {
    logger.error({ err: error, query, parameters, msg: 'query failed' });
  }

  logQuerySlow(time: number, query: string, parameters?: unknown[]): void {
    logger.warn({ durationMs: time, query, parameters, msg: 'slow query' });
  }

  logSchemaBuild(message: string): void {
    logger.debug(message);
  }

  logMigration(message: string): void {
    logger.debug(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') logger.warn(message);
    else logger.debug(message);
  }
}
