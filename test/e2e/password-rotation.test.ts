import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { SimulatedChargePoint } from '@voltstream/simulator';
import { startSystem, type System } from './support/system';
import { bootedWallbox, SLOW_MS } from './support/wallboxes';

const IDENTITY = 'ROTATE-1';
const FIRST_PASSWORD = 'first-password-0123456';

/** The HTTP status a handshake with these credentials gets (101 when it opens). */
function handshakeStatus(ocppUrl: string, password: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${ocppUrl}/${IDENTITY}`, ['ocpp1.6'], {
      headers: { Authorization: `Basic ${Buffer.from(`${IDENTITY}:${password}`).toString('base64')}` },
    });
    socket.once('open', () => {
      resolve(101);
      socket.close();
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', () => resolve(0));
  });
}

describe('TC_073: the password of a security profile 1 wallbox rotated end to end', () => {
  let system: System;
  let wallbox: SimulatedChargePoint;

  beforeAll(async () => {
    system = await startSystem();
    const put = await system.api(`/api/charge-points/${IDENTITY}`, {
      method: 'PUT',
      body: { startMode: 'anyTag', securityProfile: 1, password: FIRST_PASSWORD },
    });
    expect(put.status).toBe(201);
    wallbox = await bootedWallbox(system, IDENTITY, { password: FIRST_PASSWORD });
  });
  afterAll(async () => {
    await wallbox?.close();
    await system?.stop();
  });

  it('sends ChangeConfiguration AuthorizationKey (hex), stores the new password once accepted, and the wallbox reconnects with it', async () => {
    const rotated = await system.api<{ password: string; authorizationKey: string }>(`/api/charge-points/${IDENTITY}/password`, { method: 'POST', body: {} });
    expect(rotated.status).toBe(200);
    expect(Buffer.byteLength(rotated.body.password)).toBeGreaterThanOrEqual(16);
    expect(rotated.body.authorizationKey).toBe(Buffer.from(rotated.body.password).toString('hex'));

    await expect.poll(() => wallbox.online, { timeout: SLOW_MS }).toBe(true);
    await expect.poll(() => handshakeStatus(system.services.ocppUrl, FIRST_PASSWORD), { timeout: SLOW_MS }).toBe(401);
    expect(await wallbox.heartbeat()).toHaveProperty('currentTime');
  });

  it('refuses a given password that is not 16 to 40 bytes, and one the wallbox is offline for', async () => {
    const short = await system.api(`/api/charge-points/${IDENTITY}/password`, { method: 'POST', body: { password: 'too-short' } });
    expect(short.status).toBe(400);
    const offline = await system.api('/api/charge-points/NOT-CONNECTED/password', { method: 'POST', body: { password: 'another-password-0123' } });
    expect(offline.status).toBeGreaterThanOrEqual(400);
  });
});
