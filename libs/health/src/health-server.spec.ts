import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startHealthServer } from './health-server';

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
});
