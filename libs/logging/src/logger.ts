import { hostname } from 'node:os';
import { Logger as NestStaticLogger } from '@nestjs/common';
import pino, { type DestinationStream, type Logger, type LoggerOptions as PinoOptions } from 'pino';
import pretty from 'pino-pretty';
import type { LogFormat, LogLevel } from '@voltstream/config';
import { NestLogger } from './nest-logger';

export interface LoggerOptions {
  /** The service's name, as `service` on every line. */
  service: string;
  level: LogLevel;
  format: LogFormat;
}

const STDOUT = 1;
const STDERR = 2;

/**
 * Lines of `error` and `fatal` go to stderr, the others to stdout: the way Node's console and
 * NestJS did, so a runner that shows only a process's errors still shows them.
 */
function splitByLevel(streamTo: (fd: number) => DestinationStream): DestinationStream {
  return pino.multistream(
    [
      { level: 'trace', stream: streamTo(STDOUT) },
      { level: 'error', stream: streamTo(STDERR) },
    ],
    { dedupe: true },
  );
}

/** A readable line: time, level, `[context]`, the message, then the other fields on the same line. */
function readable(fd: number): DestinationStream {
  const colorize = Boolean(fd === STDOUT ? process.stdout.isTTY : process.stderr.isTTY);
  const messageFormat = '{if context}[{context}] {end}{msg}';
  return pretty({ destination: fd, sync: true, colorize, singleLine: true, ignore: 'pid,hostname,service,context', translateTime: 'SYS:HH:MM:ss.l', messageFormat });
}

function output(format: LogFormat): DestinationStream {
  if (format === 'json') return splitByLevel((fd) => pino.destination({ dest: fd, sync: true }));
  return splitByLevel(readable);
}

/** One line a JSON object: `level` by its name, `time` in ISO 8601, `service`, `pid`, `hostname`, then the line's own fields and `msg`. */
export function loggerOptions(service: string, level: LogLevel): PinoOptions {
  return {
    level,
    base: { service, pid: process.pid, hostname: hostname() },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  };
}

/** The logger of one service; `destination` replaces stdout and stderr (tests). */
export function createLogger(options: LoggerOptions, destination?: DestinationStream): Logger {
  return pino(loggerOptions(options.service, options.level), destination ?? output(options.format));
}

/**
 * Starts a service's logging: its logger, which NestJS's own `Logger` (the framework's lines and
 * every `new Logger(context)`) writes through from now on.
 */
export function startLogging(options: LoggerOptions): Logger {
  const logger = createLogger(options);
  NestStaticLogger.overrideLogger(new NestLogger(logger));
  return logger;
}
