import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEvent } from '@voltstream/contracts';
import { hashPassword } from '@voltstream/domain';
import { GatewayTestbed } from './support/gateway-under-test';
import { TestWallbox } from './support/wallbox';

/** The status a handshake to `path` gets, sent as it is: a WebSocket client would resolve `..` away first. */
function handshakeStatus(port: number, path: string): Promise<number> {
  const headers = { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': randomBytes(16).toString('base64') };
  return new Promise((resolve, reject) => {
    const handshake = request({ host: '127.0.0.1', port, path, headers });
    handshake.once('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    handshake.once('upgrade', (_response, socket) => {
      socket.destroy();
      resolve(101);
    });
    handshake.once('error', reject);
    handshake.end();
  });
}

/** 17 bytes that are not UTF-8 (AuthorizationKey ff00c328…): a password is any 16 to 40 bytes. */
const NOT_UTF8_PASSWORD = Buffer.from('ff00c3288081e2282b9f3a0d0a7e7f2aa1', 'hex');

describe('OCPP gateway handshake (SPEC §3)', () => {
  const testbed = new GatewayTestbed();
  let url: string;
  let strictUrl: string;
  let httpUrl: string;

  beforeAll(async () => {
    await testbed.setUp();
    await testbed.adopt('LOCKED-1', { passwordHash: hashPassword('correct horse') });
    await testbed.adopt('BYTES-1', { passwordHash: hashPassword(NOT_UTF8_PASSWORD) });
    await testbed.adopt('OPEN-1');
    ({ url } = await testbed.startGateway());
    httpUrl = url.replace('ws://', 'http://');
    ({ url: strictUrl } = await testbed.startGateway({ UNKNOWN_CHARGE_POINTS: 'reject' }));
  });
  afterAll(() => testbed.tearDown());

  it('accepts a discovered charge point offering ocpp1.6 and agrees on ocpp1.6', async () => {
    const wallbox = await TestWallbox.open(url, 'NEW-1');
    expect(wallbox.socket.protocol).toBe('ocpp1.6');
    await wallbox.close();
  });

  it('accepts a handshake offering no subprotocol', async () => {
    const wallbox = await TestWallbox.open(url, 'NEW-2', { protocols: [] });
    expect(wallbox.socket.readyState).toBe(wallbox.socket.OPEN);
    await wallbox.close();
  });

  it('refuses only other subprotocols with 400 naming them', async () => {
    const handshake = await TestWallbox.connect(url, 'NEW-3', { protocols: ['ocpp2.0.1'] });
    expect(handshake).toMatchObject({ ok: false, status: 400 });
    expect(!handshake.ok && handshake.body).toContain('ocpp2.0.1');
  });

  it('refuses an identity with characters outside letters, digits and -_.:* with 400', async () => {
    expect(await TestWallbox.connect(url, 'bad identity!')).toMatchObject({ ok: false, status: 400 });
    expect(await TestWallbox.connect(url, 'A'.repeat(49))).toMatchObject({ ok: false, status: 400 });
  });

  it('refuses the identities . and .. with 400: no URL can address them', async () => {
    const { port } = new URL(url);
    for (const path of ['/ocpp/.', '/ocpp/..', '/ocpp/%2E%2E']) {
      expect(await handshakeStatus(Number(port), path), path).toBe(400);
    }
    expect(await handshakeStatus(Number(port), '/ocpp/..CP')).toBe(101);
  });

  it('accepts identities with the special characters . : * - _', async () => {
    const wallbox = await TestWallbox.open(url, 'Site.1:Box*-_2');
    await wallbox.close();
  });

  it('refuses a charge point without its password with 401 and a Basic challenge', async () => {
    const handshake = await TestWallbox.connect(url, 'LOCKED-1');
    expect(handshake).toMatchObject({ ok: false, status: 401 });
    expect(!handshake.ok && handshake.headers['www-authenticate']).toBe('Basic realm="Voltstream"');
  });

  it('refuses a wrong password with 401 and accepts the right one', async () => {
    expect(await TestWallbox.connect(url, 'LOCKED-1', { password: 'wrong' })).toMatchObject({ ok: false, status: 401 });
    const wallbox = await TestWallbox.open(url, 'LOCKED-1', { password: 'correct horse' });
    await wallbox.close();
  });

  it('compares Basic credentials as bytes: a password that is not UTF-8 opens the handshake, its UTF-8 decoding does not', async () => {
    const wallbox = await TestWallbox.open(url, 'BYTES-1', { password: NOT_UTF8_PASSWORD });
    await wallbox.close();
    expect(await TestWallbox.connect(url, 'BYTES-1', { password: NOT_UTF8_PASSWORD.toString('utf8') })).toMatchObject({ ok: false, status: 401 });
    const oneByteOff = Buffer.from(NOT_UTF8_PASSWORD);
    oneByteOff[0] ^= 1;
    expect(await TestWallbox.connect(url, 'BYTES-1', { password: oneByteOff })).toMatchObject({ ok: false, status: 401 });
  });

  it('lets a wallbox in with the password of a rotation under way, before PasswordChanged arrives, and not once it is abandoned', async () => {
    await testbed.adopt('ROTATING-1', { passwordHash: hashPassword('old-password-0123456') });
    const pending = createEvent('PasswordRotationStarted', { pendingPasswordHash: hashPassword('new-password-0123456') }, 'ROTATING-1', new Date());
    await testbed.publisher.publish(pending);
    const opened = await vi.waitFor(async () => {
      const handshake = await TestWallbox.connect(url, 'ROTATING-1', { password: 'new-password-0123456' });
      if (!handshake.ok) throw new Error(`refused ${handshake.status}`);
      return handshake.wallbox;
    });
    await opened.close();
    await (await TestWallbox.open(url, 'ROTATING-1', { password: 'old-password-0123456' })).close();

    await testbed.publisher.publish(createEvent('PasswordRotationAbandoned', {}, 'ROTATING-1', new Date()));
    await vi.waitFor(async () => expect(await TestWallbox.connect(url, 'ROTATING-1', { password: 'new-password-0123456' })).toMatchObject({ ok: false, status: 401 }));
  });

  it('refuses an unknown charge point with 403 when UNKNOWN_CHARGE_POINTS=reject, but lets adopted ones in', async () => {
    expect(await TestWallbox.connect(strictUrl, 'STRANGER-1')).toMatchObject({ ok: false, status: 403 });
    const wallbox = await TestWallbox.open(strictUrl, 'OPEN-1');
    await wallbox.close();
  });

  it('serves /health and /health/ready on the same port', async () => {
    expect((await fetch(`${httpUrl}/health`)).status).toBe(200);
    const ready = await fetch(`${httpUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });
});
