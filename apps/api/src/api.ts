import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Config } from '@voltstream/config';
import { startLogging, type Logger } from '@voltstream/logging';
import { ApiModule } from './api.module';
import { serveDashboard } from './dashboard/serve-dashboard';
import { CorrelationInterceptor, nameRequest } from './infrastructure/correlation';
import { serveMetrics } from './infrastructure/request-metrics';

/** Where `npm run build` puts the dashboard: dist/apps/dashboard, beside this file's dist/apps/api. */
const DASHBOARD_DIR = resolve(__dirname, '../../dashboard');

export interface RunningApi {
  port: number;
  /** The bearer token clients must present: API_TOKEN, or the one generated at start-up. */
  token: string;
  close(): Promise<void>;
}

/** Starts the operator REST API (SPEC §6) on config.apiPort (0: any free port). */
export async function startApi(config: Config): Promise<RunningApi> {
  const logger = startLogging({ service: 'api', level: config.logLevel, format: config.logFormat });
  const token = config.apiToken ?? generatedToken(logger);
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config, token));
  app.use(nameRequest);
  app.useGlobalInterceptors(new CorrelationInterceptor());
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  serveMetrics(app);
  serveOpenApi(app);
  const dashboard = serveDashboard(app, DASHBOARD_DIR) ? '; the dashboard at /' : '';
  await app.listen(config.apiPort);
  const { port } = app.getHttpServer().address() as AddressInfo;
  logger.info({ port }, `Operator API listening on port ${port}; OpenAPI at /api/docs${dashboard}`);
  return { port, token, close: () => app.close() };
}

/** The API is never open: without API_TOKEN a random token is made and logged once, at warn so that it is seen. */
function generatedToken(logger: Logger): string {
  const token = randomBytes(24).toString('base64url');
  logger.warn({ token }, 'API_TOKEN is not set: this run of the API accepts only this token, as "Authorization: Bearer <token>"; set API_TOKEN to keep one');
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
