import 'reflect-metadata';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@voltstream/config';
import { rebuildProjection } from './rebuild';
import { StateProjectionModule } from './state-projection.module';

const LOG_LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug'];

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.logLevel) + 1);
  Logger.overrideLogger(logger);
  if (process.argv[2] === 'rebuild') return rebuildProjection(config);
  const app = await NestFactory.createApplicationContext(StateProjectionModule.forConfig(config), { logger });
  app.enableShutdownHooks();
}

main().catch((error: unknown) => {
  new Logger('StateProjection').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
