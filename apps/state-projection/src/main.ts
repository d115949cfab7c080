import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadServiceConfig, startLogging } from '@voltstream/logging';
import { rebuildProjection } from './rebuild';
import { StateProjectionModule } from './state-projection.module';

async function main(): Promise<void> {
  const config = loadServiceConfig('state-projection');
  startLogging({ service: 'state-projection', level: config.logLevel, format: config.logFormat });
  if (process.argv[2] === 'rebuild') return rebuildProjection(config);
  const app = await NestFactory.createApplicationContext(StateProjectionModule.forConfig(config));
  app.enableShutdownHooks();
}

main().catch((error: unknown) => {
  new Logger('StateProjection').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
