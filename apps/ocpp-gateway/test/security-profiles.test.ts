import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { type ClientOptions } from 'ws';
import { hashPassword } from '@voltstream/domain';
import { createCertificateAuthority, issueCertificate, type CertificateAuthority, type IssuedCertificate } from '@voltstream/launcher';
import { SimulatedChargePoint } from '@voltstream/simulator';
import { lastEvent } from '@voltstream/testing';
import { GatewayTestbed } from './support/gateway-under-test';

const PASSWORD = 'profile-password-0123';
const basic = (identity: string, password: string) => `Basic ${Buffer.from(`${identity}:${password}`).toString('base64')}`;

type Outcome = { opened: WebSocket } | { status: number } | { error: string };

/** Opens a wallbox's WebSocket: @returns the open socket, the HTTP status of a refusal, or the TLS error. */
function attempt(url: string, options: ClientOptions = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, ['ocpp1.6'], options);
    socket.once('open', () => resolve({ opened: socket }));
    socket.once('unexpected-response', (_request, response) => {
      resolve({ status: response.statusCode ?? 0 });
      socket.terminate();
    });
    socket.once('error', (error) => resolve({ error: error.message }));
  });
}

async function heartbeat(socket: WebSocket): Promise<unknown> {
  const answer = new Promise<unknown>((resolve) => socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()))));
  socket.send(JSON.stringify([2, 'hb', 'Heartbeat', {}]));
  return answer;
}

/** The fingerprint of the server certificate a TLS client is shown, with the given options. */
function serverFingerprint(port: number, options: ConnectionOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host: '127.0.0.1', port, ...options }, () => {
      resolve(socket.getPeerCertificate().fingerprint256);
      socket.end();
    });
    socket.once('error', reject);
  });
}

function fingerprintOf(certificate: IssuedCertificate): string {
  return new X509Certificate(certificate.certPem).fingerprint256;
}

describe('security profiles at the handshake (SPEC §10, whitepaper ed. 3)', () => {
  const testbed = new GatewayTestbed();
  const folder = mkdtempSync(join(tmpdir(), 'voltstream-security-'));
  const file = (name: string) => join(folder, name);
  let ca: CertificateAuthority;
  let otherCa: CertificateAuthority;
  let ecdsaServer: IssuedCertificate;
  let rsaServer: IssuedCertificate;
  let url: string;
  let tlsUrl: string;
  let tlsPort: number;

  const client = (identity: string, overrides: Partial<Parameters<typeof issueCertificate>[1]> = {}, authority?: CertificateAuthority) =>
    issueCertificate(authority ?? ca, { commonName: identity, usage: 'client', ...overrides });
  const withCertificate = (certificate: IssuedCertificate): ClientOptions => ({ ca: ca.certPem, cert: certificate.certPem, key: certificate.keyPem });

  beforeAll(async () => {
    await testbed.setUp();
    [ca, otherCa] = await Promise.all([createCertificateAuthority('Voltstream test CA'), createCertificateAuthority('Someone else')]);
    [ecdsaServer, rsaServer] = await Promise.all([
      issueCertificate(ca, { commonName: 'localhost', hosts: ['localhost', '127.0.0.1'], usage: 'server' }),
      issueCertificate(ca, { commonName: 'localhost', hosts: ['localhost', '127.0.0.1'], usage: 'server', algorithm: 'rsa' }),
    ]);
    writeFileSync(file('ecdsa.pem'), ecdsaServer.certPem);
    writeFileSync(file('ecdsa.key'), ecdsaServer.keyPem);
    writeFileSync(file('rsa.pem'), rsaServer.certPem);
    writeFileSync(file('rsa.key'), rsaServer.keyPem);
    writeFileSync(file('client-ca.pem'), ca.certPem);
    const passwordHash = hashPassword(PASSWORD);
    await Promise.all([
      testbed.adopt('P0'),
      testbed.adopt('P1', { passwordHash, securityProfile: 1 }),
      testbed.adopt('P2', { passwordHash, securityProfile: 2 }),
      testbed.adopt('P3', { securityProfile: 3 }),
    ]);
    const started = await testbed.startGateway({
      TLS_CERT_FILE: `${file('ecdsa.pem')},${file('rsa.pem')}`,
      TLS_KEY_FILE: `${file('ecdsa.key')},${file('rsa.key')}`,
      TLS_CLIENT_CA_FILE: file('client-ca.pem'),
      GATEWAY_TLS_PORT: '0',
    });
    ({ url, tlsUrl } = started);
    tlsPort = started.gateway.tlsPort as number;
  });
  afterAll(async () => {
    await testbed.tearDown();
    rmSync(folder, { recursive: true, force: true });
  });

  const expectOpened = async (outcome: Outcome) => {
    if (!('opened' in outcome)) throw new Error(`expected the handshake to be accepted, got ${JSON.stringify(outcome)}`);
    expect(await heartbeat(outcome.opened)).toMatchObject({ 0: 3, 1: 'hb' });
    outcome.opened.close();
  };

  it('accepts profile 0 over ws:// and over wss://', async () => {
    await expectOpened(await attempt(`${url}/ocpp/P0`));
    await expectOpened(await attempt(`${tlsUrl}/ocpp/P0`, { ca: ca.certPem }));
  });

  it('accepts profile 1 with its password, refuses it with a wrong one (401)', async () => {
    await expectOpened(await attempt(`${url}/ocpp/P1`, { headers: { Authorization: basic('P1', PASSWORD) } }));
    expect(await attempt(`${url}/ocpp/P1`, { headers: { Authorization: basic('P1', 'wrong-password-0123') } })).toEqual({ status: 401 });
  });

  it('accepts profile 2 over wss:// with its password; refuses ws:// (403) and no password (401), and records why', async () => {
    await expectOpened(await attempt(`${tlsUrl}/ocpp/P2`, { ca: ca.certPem, headers: { Authorization: basic('P2', PASSWORD) } }));
    expect(await attempt(`${url}/ocpp/P2`, { headers: { Authorization: basic('P2', PASSWORD) } })).toEqual({ status: 403 });
    await expect.poll(() => lastEvent(testbed.nc, testbed.subjects, 'P2', 'ConnectionRefused')).toMatchObject({
      data: { status: 403, reason: 'security profile 2 needs wss://, the charge point came over ws://' },
    });
    expect(await attempt(`${tlsUrl}/ocpp/P2`, { ca: ca.certPem })).toEqual({ status: 401 });
    await expect.poll(() => lastEvent(testbed.nc, testbed.subjects, 'P2', 'ConnectionRefused')).toMatchObject({
      data: { status: 401, reason: 'this charge point needs a password (HTTP Basic authentication)' },
    });
  });

  it('accepts profile 3 with a client certificate of the CA bundle named after the identity', async () => {
    await expectOpened(await attempt(`${tlsUrl}/ocpp/P3`, withCertificate(await client('P3'))));
  });

  it.each([
    ['over ws://', async () => attempt(`${url}/ocpp/P3`), 'security profile 3 needs wss://, the charge point came over ws://'],
    ['without a client certificate', async () => attempt(`${tlsUrl}/ocpp/P3`, { ca: ca.certPem }), 'security profile 3 needs a client certificate, the charge point presented none'],
    [
      'with a certificate of another CA',
      async () => attempt(`${tlsUrl}/ocpp/P3`, withCertificate(await client('P3', {}, otherCa))),
      'the client certificate does not verify against the CA bundle: UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    ],
    ['with a certificate for another CN', async () => attempt(`${tlsUrl}/ocpp/P3`, withCertificate(await client('P2'))), 'the client certificate is for CN "P2", not for the identity'],
    [
      'with an expired certificate',
      async () => attempt(`${tlsUrl}/ocpp/P3`, withCertificate(await client('P3', { notBefore: new Date('2020-01-01'), notAfter: new Date('2021-01-01') }))),
      'the client certificate does not verify against the CA bundle: CERT_HAS_EXPIRED',
    ],
  ])('refuses profile 3 %s with a plain 403 and records the reason', async (_case, connect, reason) => {
    expect(await connect()).toEqual({ status: 403 });
    await expect.poll(() => lastEvent(testbed.nc, testbed.subjects, 'P3', 'ConnectionRefused')).toMatchObject({ data: { status: 403, reason } });
  });

  it('connects the simulator with profile 2 (password over wss://) and profile 3 (its client certificate)', async () => {
    const certificate = await client('P3');
    const wallboxes = [
      new SimulatedChargePoint({ url: `${tlsUrl}/ocpp`, identity: 'P2', connectors: 1, password: PASSWORD, tls: { ca: ca.certPem } }),
      new SimulatedChargePoint({ url: `${tlsUrl}/ocpp`, identity: 'P3', connectors: 1, tls: { ca: ca.certPem, cert: certificate.certPem, key: certificate.keyPem } }),
    ];
    for (const wallbox of wallboxes) {
      await wallbox.connect();
      expect(await wallbox.heartbeat()).toHaveProperty('currentTime');
      await wallbox.close();
    }
  });

  it('serves the ECDSA or the RSA certificate as the client supports, TLS 1.2 and 1.3 only', async () => {
    const tls12 = { ca: ca.certPem, maxVersion: 'TLSv1.2' as const };
    expect(await serverFingerprint(tlsPort, { ...tls12, ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256' })).toBe(fingerprintOf(ecdsaServer));
    expect(await serverFingerprint(tlsPort, { ...tls12, ciphers: 'ECDHE-RSA-AES256-GCM-SHA384' })).toBe(fingerprintOf(rsaServer));
    await expect(serverFingerprint(tlsPort, { ...tls12, ciphers: 'AES128-SHA' })).rejects.toThrow();
    await expect(serverFingerprint(tlsPort, { ca: ca.certPem, minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' })).rejects.toThrow();
  });

  it('reloads the server certificate when its file changes, and a connected wallbox stays connected', async () => {
    const connected = await attempt(`${tlsUrl}/ocpp/P0`, { ca: ca.certPem });
    if (!('opened' in connected)) throw new Error(`expected an open socket, got ${JSON.stringify(connected)}`);
    const renewed = await issueCertificate(ca, { commonName: 'localhost', hosts: ['localhost', '127.0.0.1'], usage: 'server' });
    writeFileSync(file('ecdsa.key'), renewed.keyPem);
    writeFileSync(file('ecdsa.pem'), renewed.certPem);
    const ecdsaOnly = { ca: ca.certPem, maxVersion: 'TLSv1.2' as const, ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256' };
    await expect.poll(() => serverFingerprint(tlsPort, ecdsaOnly), { timeout: 5_000 }).toBe(fingerprintOf(renewed));
    expect(await heartbeat(connected.opened)).toMatchObject({ 0: 3, 1: 'hb' });
    connected.opened.close();
  });
});
