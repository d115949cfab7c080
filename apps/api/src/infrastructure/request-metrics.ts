import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createMetricsRegistry, histogramOf, METRICS } from '@voltstream/health';

/**
 * `GET /metrics` (Prometheus, outside /api and its bearer token: counts and latencies only, no
 * data) and the latency of every request, by method, route pattern (never the raw path, whose ids
 * would grow the series without bound) and status.
 */
export function serveMetrics(app: NestExpressApplication): void {
  const registry = createMetricsRegistry('api');
  const latency = histogramOf(registry, METRICS.api.requestDuration);
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
