import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { Logger, type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Config } from '@voltstream/config';
import { ApiModule } from './api.module';
import { serveDashboard } from './dashboard/serve-dashboard';
import { serveMetrics } from './infrastructure/request-metrics';

/** Where `npm run build` puts the dashboard: dist/apps/dashboard, beside this file's dist/apps/api. */
const DASHBOARD_DIR = resolve(__dirname, '../../dashboard');

export interface RunningApi {
  port: number;
  /** The bearer token clients must present: API_TOKEN, or the one generated at start-up. */
  token: string;
  close(): Promise<void>;
}

const LOG_LEVELS: Record<Config['logLevel'], LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/** Starts the operator REST API (SPEC §6) on config.apiPort (0: any free port). */
export async function startApi(config: Config): Promise<RunningApi> {
  const token = config.apiToken ?? generatedToken();
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config, token), { logger: LOG_LEVELS[config.logLevel] });
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  serveMetrics(app);
  serveOpenApi(app);
  const dashboard = serveDashboard(app, DASHBOARD_DIR) ? '; the dashboard at /' : '';
  await app.listen(config.apiPort);
  const { port } = app.getHttpServer().address() as AddressInfo;
  new Logger('Api').log(`Operator API listening on port ${port}; OpenAPI at /api/docs${dashboard}`);
  return { port, token, close: () => app.close() };
}

/** The API is never open: without API_TOKEN a random token is made and shown once, on stdout. */
function generatedToken(): string {
  const token = randomBytes(24).toString('base64url');
  process.stdout.write(
    [
      '',
      '==================================================================',
      ' API_TOKEN is not set. This run of the API accepts only the token:',
      `   ${token}`,
      ' Send it as "Authorization: Bearer <token>". Set API_TOKEN to keep one.',
      '==================================================================',
      '',
    ].join('\n'),
  );
  return token;
}

function serveOpenApi(app: INestApplication): void {
  const document = new DocumentBuilder()
    .setTitle('Voltstream operator API')
    .setDescription('Charge points, tag lists, commands to wallboxes and transactions of the Voltstream CSMS')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API_TOKEN' })
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, document), { jsonDocumentUrl: 'api/docs-json' });
}
