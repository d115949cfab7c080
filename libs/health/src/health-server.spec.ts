import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startHealthServer } from './health-server';
import { createMetricsRegistry } from './metrics';

describe('health server', () => {
  it('answers live always and ready only while the check passes', async () => {
    let ready = false;
    const server = await startHealthServer(0, () => ready);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/health/ready`)).status).toBe(503);
    ready = true;
    expect(await (await fetch(`${base}/health/ready`)).json()).toEqual({ status: 'ready' });
    expect((await fetch(`${base}/other`)).status).toBe(404);
    server.close();
  });

  it('serves the Prometheus metrics of its registry, Node process metrics included, on /metrics', async () => {
    const server = await startHealthServer(0, () => true, createMetricsRegistry('test-service'));
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(await response.text()).toMatch(/^process_cpu_user_seconds_total\{service="test-service"\} \d/m);
    server.close();
  });

  it('has no /metrics without a registry', async () => {
    const server = await startHealthServer(0, () => true);
    expect((await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`)).status).toBe(404);
    server.close();
  });
});
