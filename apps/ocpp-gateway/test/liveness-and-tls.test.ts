import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { lastEvent } from '@voltstream/testing';
import { GatewayTestbed } from './support/gateway-under-test';

function once<T extends unknown[]>(socket: WebSocket, event: string): Promise<T> {
  return new Promise((resolve, reject) => {
    socket.once(event, (...args: unknown[]) => resolve(args as T));
    if (event !== 'error') socket.once('error', reject);
  });
}

describe('OCPP gateway: pings and TLS', () => {
  const testbed = new GatewayTestbed();
  const certificates = mkdtempSync(join(tmpdir(), 'voltstream-gateway-tls-'));

  beforeAll(async () => {
    await testbed.setUp();
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
      '-keyout', join(certificates, 'key.pem'), '-out', join(certificates, 'cert.pem'),
    ], { stdio: 'ignore' });
  });
  afterAll(async () => {
    await testbed.tearDown();
    rmSync(certificates, { recursive: true, force: true });
  });

  it('drops a wallbox that does not answer pings, and records why', async () => {
    const { url } = await testbed.startGateway({}, { pingIntervalMs: 200 });
    const silent = new WebSocket(`${url}/ocpp/SILENT-1`, ['ocpp1.6'], { autoPong: false });
    await once(silent, 'open');
    const [code] = await once<[number]>(silent, 'close');
    expect(code).toBe(1006);
    await expect.poll(() => lastEvent(testbed.nc, testbed.subjects, 'SILENT-1', 'ChargePointDisconnected')).toMatchObject({
      data: { reason: 'no answer to ping' },
    });
  });

  it('serves wss:// when a certificate and key are configured (security profile 2)', async () => {
    const { tlsUrl } = await testbed.startGateway({
      TLS_CERT_FILE: join(certificates, 'cert.pem'),
      TLS_KEY_FILE: join(certificates, 'key.pem'),
      GATEWAY_TLS_PORT: '0',
    });
    const secure = new WebSocket(`${tlsUrl}/ocpp/TLS-1`, ['ocpp1.6'], { rejectUnauthorized: false });
    await once(secure, 'open');
    const answer = once<[Buffer]>(secure, 'message');
    secure.send(JSON.stringify([2, 'h1', 'Heartbeat', {}]));
    expect(JSON.parse((await answer)[0].toString())).toMatchObject({ 0: 3, 1: 'h1' });
    secure.close();
  });
});
