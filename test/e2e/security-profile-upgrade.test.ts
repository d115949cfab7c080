import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCertificateAuthority, freePort, issueCertificate, type CertificateAuthority } from '@voltstream/launcher';
import type { SimulatedChargePoint } from '@voltstream/simulator';
import { handshakeStatus } from './support/handshake';
import { startSystem, type System } from './support/system';
import { bootedWallbox, chargePoint, SLOW_MS } from './support/wallboxes';

const PASSWORD = 'upgrade-password-0123';

/** The status of a handshake of the identity that ends `url`. */
const handshake = (url: string, password: string, ca?: string) => handshakeStatus(url, url.slice(url.lastIndexOf('/') + 1), password, ca);

describe('TC_083 upgrade a charge point’s security profile end to end (whitepaper §2.4; SPEC §10), the simulator as the wallbox', () => {
  const folder = mkdtempSync(join(tmpdir(), 'voltstream-upgrade-'));
  let system: System;
  let ca: CertificateAuthority;
  let secureUrl: string;
  const wallboxes: SimulatedChargePoint[] = [];

  const raise = (identity: string, body: unknown) =>
    system.api<{ previousSecurityProfile: number; securityProfile: number; message: string | string[] }>(`/api/charge-points/${identity}/security-profile`, {
      method: 'POST',
      body,
    });

  const securityProfileOf = async (identity: string) => ((await chargePoint(system, identity)) as unknown as { securityProfile: number }).securityProfile;

  async function wallboxAtProfile1(identity: string, options: { secure: boolean }): Promise<SimulatedChargePoint> {
    const put = await system.api(`/api/charge-points/${identity}`, { method: 'PUT', body: { startMode: 'anyTag', securityProfile: 1, password: PASSWORD } });
    expect(put.status).toBe(201);
    const secure = options.secure ? { secureUrl, tls: { ca: ca.certPem } } : {};
    const wallbox = await bootedWallbox(system, identity, { password: PASSWORD, securityProfile: 1, ...secure });
    wallboxes.push(wallbox);
    return wallbox;
  }

  beforeAll(async () => {
    ca = await createCertificateAuthority('Voltstream test CA');
    const server = await issueCertificate(ca, { commonName: '127.0.0.1', hosts: ['127.0.0.1'], usage: 'server' });
    writeFileSync(join(folder, 'server.pem'), server.certPem);
    writeFileSync(join(folder, 'server.key'), server.keyPem);
    const tlsPort = await freePort();
    secureUrl = `wss://127.0.0.1:${tlsPort}/ocpp`;
    system = await startSystem({ GATEWAY_TLS_PORT: String(tlsPort), TLS_CERT_FILE: join(folder, 'server.pem'), TLS_KEY_FILE: join(folder, 'server.key') });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(wallboxes.map((wallbox) => wallbox.close()));
    await system?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('1 → 2: ChangeConfiguration SecurityProfile accepted, the wallbox reconnects over wss://, and ws:// is then refused', async () => {
    const wallbox = await wallboxAtProfile1('UPGRADE-1', { secure: true });
    const calls: unknown[] = [];
    wallbox.on('call', (call) => calls.push(call));
    expect(await raise('UPGRADE-1', { securityProfile: 2 })).toMatchObject({ status: 200, body: { previousSecurityProfile: 1, securityProfile: 2 } });
    expect(calls).toContainEqual({ action: 'ChangeConfiguration', payload: { key: 'SecurityProfile', value: '2' } });
    await expect.poll(() => wallbox.securityProfile === 2 && wallbox.online, { timeout: SLOW_MS }).toBe(true);
    expect(await wallbox.heartbeat()).toHaveProperty('currentTime');
    expect((await securityProfileOf('UPGRADE-1'))).toBe(2);

    await expect.poll(() => handshake(`${system.services.ocppUrl}/UPGRADE-1`, PASSWORD), { timeout: SLOW_MS }).toBe(403);
    expect(await handshake(`${secureUrl}/UPGRADE-1`, 'wrong-password-0123456', ca.certPem)).toBe(401);
    expect(await handshake(`${secureUrl}/UPGRADE-1`, PASSWORD, ca.certPem)).toBe(101);
    expect(await raise('UPGRADE-1', { securityProfile: 1 })).toMatchObject({ status: 409, body: { message: expect.stringContaining('can only be raised') } });
  });

  it('rejected by a wallbox that cannot run the profile: the stored profile stays, and the wallbox still connects as before', async () => {
    const wallbox = await wallboxAtProfile1('UPGRADE-2', { secure: false });
    expect(await raise('UPGRADE-2', { securityProfile: 2 })).toMatchObject({ status: 409, body: { message: expect.stringContaining('stays 1') } });
    expect((await securityProfileOf('UPGRADE-2'))).toBe(1);
    expect(wallbox.securityProfile).toBe(1);
    expect(await handshake(`${system.services.ocppUrl}/UPGRADE-2`, PASSWORD)).toBe(101);
  });

  it('bad input is 400 naming the field; an unknown charge point 404', async () => {
    expect(await raise('UPGRADE-2', { securityProfile: 4 })).toMatchObject({ status: 400, body: { message: ['securityProfile must be one of 1, 2, 3'] } });
    expect(await raise('UPGRADE-2', { securityProfile: '2' })).toMatchObject({ status: 400, body: { message: ['securityProfile must be one of 1, 2, 3'] } });
    expect(await raise('UPGRADE-2', {})).toMatchObject({ status: 400, body: { message: ['securityProfile must be one of 1, 2, 3'] } });
    expect((await raise('NOBODY', { securityProfile: 2 })).status).toBe(404);
    const graphql = await system.api<{ errors?: { message: string; extensions?: { code?: string } }[] }>('/graphql', {
      method: 'POST',
      body: { query: 'mutation { raiseSecurityProfile(identity: "UPGRADE-2", securityProfile: 7) { securityProfile } }' },
    });
    expect(graphql.body.errors?.[0]).toMatchObject({ message: expect.stringContaining('securityProfile must be one of 1, 2, 3'), extensions: { code: 'BAD_USER_INPUT' } });
  });
});
