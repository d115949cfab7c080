import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatsConnection } from 'nats';
import { checkChain } from '@voltstream/certificates';
import { subjectsFor } from '@voltstream/contracts';
import { createCertificateAuthority, freePort, issueCertificate, type CertificateAuthority, type IssuedCertificate } from '@voltstream/launcher';
import { connectNats } from '@voltstream/nats';
import { HandshakeRefusedError, SimulatedChargePoint, type ChargePointOptions } from '@voltstream/simulator';
import { eventsOf } from '@voltstream/testing';
import { startSystem, type System } from './support/system';
import { bootedWallbox, chargePoint, eventually, SLOW_MS } from './support/wallboxes';

const PASSWORD = 'profiles-password-0123';

/**
 * Security profiles 0–3 through the whole system (SPEC §10, whitepaper ed. 3): real TLS, certificates
 * made here, the simulator as the wallbox. As `npm start --tls` does, one CA is the CSMS CA (it signs
 * the wallboxes' CSRs), the gateway's client-CA bundle, and the issuer of the server certificate.
 */
describe('security profiles end to end, the simulator as the wallbox', () => {
  const folder = mkdtempSync(join(tmpdir(), 'voltstream-profiles-'));
  let system: System;
  let nc: NatsConnection;
  let csmsCa: CertificateAuthority;
  let otherCa: CertificateAuthority;
  let plainUrl: string;
  let secureUrl: string;
  const wallboxes: SimulatedChargePoint[] = [];

  const clientCertificate = (identity: string, authority = csmsCa, validity: { notBefore?: Date; notAfter?: Date } = {}) =>
    issueCertificate(authority, { commonName: identity, usage: 'client', ...validity });
  const withCertificate = (certificate?: IssuedCertificate) => ({ ca: csmsCa.certPem, ...(certificate ? { cert: certificate.certPem, key: certificate.keyPem } : {}) });

  const register = async (identity: string, securityProfile: number) => {
    const password = securityProfile === 1 || securityProfile === 2 ? { password: PASSWORD } : {};
    const put = await system.api(`/api/charge-points/${identity}`, { method: 'PUT', body: { startMode: 'anyTag', securityProfile, ...password } });
    expect(put.status).toBe(201);
  };

  /** A simulated wallbox connected and booted with these credentials (as `--security-profile --password --cert --key --ca`). */
  const connected = async (identity: string, options: Partial<ChargePointOptions>) => {
    const wallbox = await bootedWallbox(system, identity, options);
    wallboxes.push(wallbox);
    return wallbox;
  };

  /** The HTTP status the gateway refused the simulator's handshake with. */
  const refusal = async (identity: string, options: Partial<ChargePointOptions>): Promise<number> => {
    const wallbox = new SimulatedChargePoint({ url: plainUrl, identity, connectors: 1, callTimeoutMs: SLOW_MS, ...options });
    const error = await wallbox.connect().then(
      () => wallbox.close().then(() => new Error(`${identity} was let in`)),
      (failure: unknown) => failure,
    );
    if (!(error instanceof HandshakeRefusedError)) throw error;
    return error.statusCode;
  };

  const refusalsRecorded = async (identity: string) => (await eventsOf(nc, subjectsFor(system.namespace), identity, 'ConnectionRefused')).map((event) => event.data);

  beforeAll(async () => {
    [csmsCa, otherCa] = await Promise.all([createCertificateAuthority('Voltstream e2e CSMS CA'), createCertificateAuthority('Someone else')]);
    const server = await issueCertificate(csmsCa, { commonName: '127.0.0.1', hosts: ['127.0.0.1'], usage: 'server' });
    const file = (name: string, content: string) => {
      writeFileSync(join(folder, name), content);
      return join(folder, name);
    };
    const tlsPort = await freePort();
    secureUrl = `wss://127.0.0.1:${tlsPort}/ocpp`;
    system = await startSystem({
      GATEWAY_TLS_PORT: String(tlsPort),
      TLS_CERT_FILE: file('server.pem', server.certPem),
      TLS_KEY_FILE: file('server.key', server.keyPem),
      TLS_CLIENT_CA_FILE: file('ca.pem', csmsCa.certPem),
      CSMS_CA_CERT: join(folder, 'ca.pem'),
      CSMS_CA_KEY: file('ca.key', csmsCa.keyPem),
    });
    plainUrl = system.services.ocppUrl;
    nc = await connectNats(system.env.NATS_URL, 'e2e-security-profiles');
    await Promise.all([register('SP-0', 0), register('SP-1', 1), register('SP-2', 2), register('SP-3', 3)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(wallboxes.map((wallbox) => wallbox.close()));
    await nc?.close();
    await system?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('accepts each profile with the right credentials: 0 bare, 1 a password, 2 a password over wss://, 3 a client certificate of the CA', async () => {
    const certificate = await clientCertificate('SP-3');
    const accepted = [
      await connected('SP-0', {}),
      await connected('SP-1', { securityProfile: 1, password: PASSWORD }),
      await connected('SP-2', { url: secureUrl, securityProfile: 2, password: PASSWORD, tls: withCertificate() }),
      await connected('SP-3', { url: secureUrl, securityProfile: 3, tls: withCertificate(certificate) }),
    ];
    for (const wallbox of accepted) expect(await wallbox.heartbeat()).toHaveProperty('currentTime');
    for (const identity of ['SP-0', 'SP-1', 'SP-2', 'SP-3']) expect((await chargePoint(system, identity)).online).toBe(true);
    await Promise.all(accepted.map((wallbox) => wallbox.close()));
  });

  it('refuses each profile with less, with a plain status to the wallbox and the reason recorded as ConnectionRefused', async () => {
    const [otherCaCertificate, wrongCn, expired] = await Promise.all([
      clientCertificate('SP-3', otherCa),
      clientCertificate('SP-2'),
      clientCertificate('SP-3', csmsCa, { notBefore: new Date('2020-01-01'), notAfter: new Date('2021-01-01') }),
    ]);
    expect(await refusal('SP-1', { securityProfile: 1, password: 'wrong-password-0123' })).toBe(401);
    expect(await refusal('SP-2', { url: secureUrl, securityProfile: 2, password: 'wrong-password-0123', tls: withCertificate() })).toBe(401);
    expect(await refusal('SP-2', { securityProfile: 2, password: PASSWORD })).toBe(403);
    for (const tls of [withCertificate(), withCertificate(otherCaCertificate), withCertificate(wrongCn), withCertificate(expired)]) {
      expect(await refusal('SP-3', { url: secureUrl, securityProfile: 3, tls })).toBe(403);
    }

    await eventually(async () => expect((await refusalsRecorded('SP-1')).map((data) => data.status)).toEqual([401]));
    await eventually(async () =>
      expect(await refusalsRecorded('SP-2')).toEqual([
        expect.objectContaining({ status: 401 }),
        expect.objectContaining({ status: 403, reason: 'security profile 2 needs wss://, the charge point came over ws://' }),
      ]),
    );
    await eventually(async () =>
      expect((await refusalsRecorded('SP-3')).map((data) => data.reason)).toEqual([
        'security profile 3 needs a client certificate, the charge point presented none',
        'the client certificate does not verify against the CA bundle: UNABLE_TO_VERIFY_LEAF_SIGNATURE',
        'the client certificate is for CN "SP-2", not for the identity',
        'the client certificate does not verify against the CA bundle: CERT_HAS_EXPIRED',
      ]),
    );
  });

  it('TC_088: over wss://, a wallbox offering ocpp1.6 among others or none is accepted; one offering only other subprotocols is refused 400', async () => {
    for (const protocols of [['ocpp2.0.1', 'ocpp1.6'], []]) {
      const wallbox = await connected('SP-0', { url: secureUrl, tls: withCertificate(), protocols });
      expect(await wallbox.heartbeat()).toHaveProperty('currentTime');
      await wallbox.close();
    }
    expect(await refusal('SP-0', { url: secureUrl, tls: withCertificate(), protocols: ['ocpp2.0.1'] })).toBe(400);
  });

  it('TC_083 with TC_074: profile 2 → CSR signed by the CSMS CA and installed → raised to 3 → back with that certificate; without one it is refused', async () => {
    const identity = 'MIGRATE-3';
    await register(identity, 2);
    const wallbox = await connected(identity, { url: secureUrl, securityProfile: 2, password: PASSWORD, tls: withCertificate() });
    const install = await system.api(`/api/charge-points/${identity}/certificates`, {
      method: 'POST',
      body: { certificateType: 'CentralSystemRootCertificate', certificate: csmsCa.certPem },
    });
    expect(install.body).toEqual({ status: 'Accepted' });
    const trigger = await system.api(`/api/charge-points/${identity}/extended-trigger`, { method: 'POST', body: { requestedMessage: 'SignChargePointCertificate' } });
    expect(trigger.body).toEqual({ status: 'Accepted' });
    const signed = await eventually(async () => {
      expect(wallbox.certificates.chargePointCertificate).toBeDefined();
      return wallbox.certificates.chargePointCertificate as { certPem: string };
    });
    expect(await checkChain(signed.certPem, [csmsCa.certPem], identity, new Date())).toMatchObject({ ok: true });

    const raised = await system.api(`/api/charge-points/${identity}/security-profile`, { method: 'POST', body: { securityProfile: 3 } });
    expect(raised).toMatchObject({ status: 200, body: { previousSecurityProfile: 2, securityProfile: 3 } });
    await expect.poll(() => wallbox.securityProfile === 3 && wallbox.online, { timeout: SLOW_MS }).toBe(true);
    expect(await wallbox.heartbeat()).toHaveProperty('currentTime');
    expect(((await chargePoint(system, identity)) as unknown as { securityProfile: number; online: boolean })).toMatchObject({ securityProfile: 3, online: true });

    expect(await refusal(identity, { url: secureUrl, securityProfile: 2, password: PASSWORD, tls: withCertificate() })).toBe(403);
    await eventually(async () =>
      expect((await refusalsRecorded(identity)).at(-1)).toMatchObject({ status: 403, reason: 'security profile 3 needs a client certificate, the charge point presented none' }),
    );
  });
});
