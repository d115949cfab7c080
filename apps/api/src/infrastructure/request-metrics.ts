import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Histogram } from 'prom-client';
import { createMetricsRegistry } from '@voltstream/health';

/**
 * `GET /metrics` (Prometheus, outside /api and its bearer token: counts and latencies only, no
 * data) and the latency of every request, by method, route pattern (never the raw path, whose ids
 * would grow the series without bound) and status.
 */
export function serveMetrics(app: NestExpressApplication): void {
  const registry = createMetricsRegistry('api');
  const latency = new Histogram({
    name: 'voltstream_api_request_duration_seconds',
    help: 'Operator API requests, from received to answered, by method, route and status.',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  app.use((request: RoutedRequest, response: ServerResponse, next: (error?: unknown) => void) => {
    if (request.method === 'GET' && request.url === '/metrics') {
      registry.metrics().then((text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text), next);
      return;
    }
    const observe = latency.startTimer();
    response.on('finish', () => observe({ method: request.method, route: routePattern(request), status: String(response.statusCode) }));
    next();
  });
}

/** What Express adds to a request once a route matched it. */
interface RoutedRequest extends IncomingMessage {
  baseUrl?: string;
  route?: { path?: unknown };
}

function routePattern(request: RoutedRequest): string {
  const path = request.route?.path;
  return typeof path === 'string' ? `${request.baseUrl ?? ''}${path}` : 'unmatched';
}
