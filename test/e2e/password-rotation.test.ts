import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedChargePoint } from '@voltstream/simulator';
import { handshakeStatus } from './support/handshake';
import { startSystem, type System } from './support/system';
import { bootedWallbox, SLOW_MS } from './support/wallboxes';

const IDENTITY = 'ROTATE-1';
const FIRST_PASSWORD = 'first-password-0123456';

const handshake = (ocppUrl: string, password: string | Buffer) => handshakeStatus(`${ocppUrl}/${IDENTITY}`, IDENTITY, password);

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
    await expect.poll(() => handshake(system.services.ocppUrl, FIRST_PASSWORD), { timeout: SLOW_MS }).toBe(401);
    expect(await wallbox.heartbeat()).toHaveProperty('currentTime');
  });

  it('rotates to a password of bytes that are not UTF-8 (given as authorizationKey): the wallbox reconnects with those bytes', async () => {
    const bytes = Buffer.from('ff00c3288081e2282b9f3a0d0a7e7f2aa1', 'hex');
    const reconnected = once(wallbox, 'open');
    const rotated = await system.api(`/api/charge-points/${IDENTITY}/password`, { method: 'POST', body: { authorizationKey: bytes.toString('hex') } });
    expect(rotated).toEqual({ status: 200, body: { password: null, authorizationKey: bytes.toString('hex') } });
    await expect.poll(() => handshake(system.services.ocppUrl, bytes.toString('utf8')), { timeout: SLOW_MS }).toBe(401);
    // The wallbox's own reconnect proves the bytes open the handshake (a test connection would replace it).
    await reconnected;
    expect(await wallbox.heartbeat()).toHaveProperty('currentTime');
  });

  it('refuses an authorizationKey that is not the hex of 16 to 40 bytes, or one given with a password, naming the field', async () => {
    const rotate = (body: unknown) => system.api<{ message: string[] }>(`/api/charge-points/${IDENTITY}/password`, { method: 'POST', body });
    expect(await rotate({ authorizationKey: 'abc' })).toMatchObject({ status: 400, body: { message: ['authorizationKey must be the hex of 16 to 40 bytes'] } });
    expect(await rotate({ authorizationKey: 'zz'.repeat(16) })).toMatchObject({ status: 400, body: { message: ['authorizationKey must be the hex of 16 to 40 bytes'] } });
    expect(await rotate({ authorizationKey: 'ab'.repeat(16), password: 'another-password-0123' })).toMatchObject({
      status: 400,
      body: { message: ['authorizationKey must not be given with password'] },
    });
  });

  it('refuses a given password that is not 16 to 40 bytes, and one the wallbox is offline for', async () => {
    const short = await system.api(`/api/charge-points/${IDENTITY}/password`, { method: 'POST', body: { password: 'too-short' } });
    expect(short.status).toBe(400);
    const offline = await system.api('/api/charge-points/NOT-CONNECTED/password', { method: 'POST', body: { password: 'another-password-0123' } });
    expect(offline.status).toBeGreaterThanOrEqual(400);
  });
});
