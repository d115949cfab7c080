import { createServer, type Server, type ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';

/** Whether a service is ready, with what an operator should see beside it (e.g. how far behind a consumer is). */
export interface HealthReport {
  ready: boolean;
  details: Record<string, unknown>;
}

export type HealthCheck = () => Promise<boolean | HealthReport> | boolean | HealthReport;

function asReport(result: boolean | HealthReport): HealthReport {
  return typeof result === 'boolean' ? { ready: result, details: {} } : result;
}

/**
 * A plain HTTP health endpoint for services that have no HTTP server of their own:
 * `GET /health` (live: the process answers), `GET /health/ready` (ready: every check passes) and,
 * given a registry, `GET /metrics` (Prometheus).
 */
export async function startHealthServer(port: number, ready: HealthCheck, metrics?: Registry): Promise<Server> {
  const server = createServer((request, response) => {
    const send = (status: number, body: object) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.url === '/health') return send(200, { status: 'ok' });
    if (metrics && request.url === '/metrics') return void serveMetrics(metrics, response);
    if (request.url !== '/health/ready') return send(404, { status: 'not found' });
    Promise.resolve()
      .then(ready)
      .then(asReport)
      .then(
        ({ ready: ok, details }) => send(ok ? 200 : 503, { status: ok ? 'ready' : 'not ready', ...details }),
        (error: unknown) => send(503, { status: 'not ready', reason: String(error) }),
      );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, resolve));
  return server;
}

function serveMetrics(metrics: Registry, response: ServerResponse): void {
  metrics.metrics().then(
    (text) => {
      response.writeHead(200, { 'content-type': metrics.contentType });
      response.end(text);
    },
    (error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    },
  );
}
