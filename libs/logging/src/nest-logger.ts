import type { LoggerService } from '@nestjs/common';
import type { Level, Logger } from 'pino';

/**
 * NestJS's `LoggerService` over a pino logger: a NestJS context becomes the `context` field.
 * NestJS passes the context last, and `error` a stack before it.
 */
export class NestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const last = params.at(-1);
    const context = typeof last === 'string' ? last : undefined;
    const stack = level === 'error' && params.length === 2 && typeof params[0] === 'string' ? params[0] : undefined;
    const fields = { context, stack };
    if (message instanceof Error) this.logger[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.logger[level]({ ...fields, ...message });
    else this.logger[level](fields, String(message));
  }
}
