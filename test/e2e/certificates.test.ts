import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  certificateHashData,
  checkChain,
  createCertificateAuthority,
  createCsr,
  parseCertificates,
  parseCsr,
  signChargePointCertificate,
  DAY_MS,
  type CertificateAuthority,
} from '@voltstream/certificates';
import { subjectsFor, type CertificateSigningEvent, type CertificateSigningRequest } from '@voltstream/contracts';
import { connectNats, readAggregate } from '@voltstream/nats';
import { eventsOf } from '@voltstream/testing';
import type { SimulatedChargePoint } from '@voltstream/simulator';
import type { NatsConnection } from 'nats';
import { startSystem, type System } from './support/system';
import { adoptedWallbox, chargePoint, eventually, SLOW_MS } from './support/wallboxes';
import type { ErrorBody } from './support/views';

interface InstalledIds {
  status: string;
  certificateHashData?: { hashAlgorithm: string; issuerNameHash: string; issuerKeyHash: string; serialNumber: string }[];
}

/** The certificate management of the security whitepaper (SPEC §10), the simulator as the wallbox. */
function certificateApi(system: () => System) {
  const path = (identity: string, query = '') => `/api/charge-points/${encodeURIComponent(identity)}/certificates${query}`;
  return {
    install: (identity: string, certificateType: string, certificate: string) =>
      system().api<{ status: string } & ErrorBody>(path(identity), { method: 'POST', body: { certificateType, certificate } }),
    installed: (identity: string, certificateType: string) => system().api<InstalledIds & ErrorBody>(path(identity, `?certificateType=${certificateType}`)),
    delete: (identity: string, hash: Record<string, string>) => system().api<{ status: string } & ErrorBody>(path(identity, `?${new URLSearchParams(hash)}`), { method: 'DELETE' }),
    signChargePointCertificate: (identity: string) =>
      system().api<{ status: string }>(`/api/charge-points/${encodeURIComponent(identity)}/extended-trigger`, { method: 'POST', body: { requestedMessage: 'SignChargePointCertificate' } }),
  };
}

async function signingHistory(nc: NatsConnection, system: System, identity: string): Promise<CertificateSigningEvent[]> {
  const subjects = subjectsFor(system.namespace);
  const subject = subjects.certificateSigning(identity);
  return (await readAggregate(nc, subjects.eventsStream, { subject, history: subject })).events as CertificateSigningEvent[];
}

const types = (events: CertificateSigningEvent[]) => events.map((event) => event.type);

describe('Certificates with the CSMS CA (OCPP 1.6 security whitepaper; SPEC §10)', () => {
  let system: System;
  let nc: NatsConnection;
  let folder: string;
  let csmsRoot: string;
  const wallboxes: SimulatedChargePoint[] = [];
  const api = certificateApi(() => system);

  const wallbox = async (identity: string) => {
    const adopted = await adoptedWallbox(system, identity, { startMode: 'anyTag' });
    wallboxes.push(adopted);
    return adopted;
  };

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'voltstream-csms-ca-'));
    system = await startSystem({ CSMS_CA_CERT: join(folder, 'ca.pem'), CSMS_CA_KEY: join(folder, 'ca.key') });
    nc = await connectNats(system.env.NATS_URL, 'e2e-certificates');
    csmsRoot = await readFile(join(folder, 'ca.pem'), 'utf8');
  }, 60_000);

  afterAll(async () => {
    await Promise.all(wallboxes.map((each) => each.close()));
    await nc?.close();
    await system?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('made its CA on first start, in the files configured', async () => {
    const [ca] = parseCertificates(csmsRoot);
    expect(await ca.isSelfSigned()).toBe(true);
    expect((await readFile(join(folder, 'ca.key'), 'utf8')).startsWith('-----BEGIN PRIVATE KEY-----')).toBe(true);
  });

  it('TC_075_1, TC_075_2: installs a manufacturer root and a central system root, lists each by type with the whitepaper hashes, every answer in the log', async () => {
    const identity = 'CERT-INSTALL';
    await wallbox(identity);
    const manufacturer = await createCertificateAuthority('Acme wallbox factory');
    expect((await api.install(identity, 'ManufacturerRootCertificate', manufacturer.certPem)).body).toEqual({ status: 'Accepted' });
    expect((await api.install(identity, 'CentralSystemRootCertificate', csmsRoot)).body).toEqual({ status: 'Accepted' });

    const manufacturerIds = await api.installed(identity, 'ManufacturerRootCertificate');
    expect(manufacturerIds).toEqual({ status: 200, body: { status: 'Accepted', certificateHashData: [await certificateHashData(manufacturer.certificate)] } });
    const csmsIds = await api.installed(identity, 'CentralSystemRootCertificate');
    expect(csmsIds.body.certificateHashData).toEqual([await certificateHashData(parseCertificates(csmsRoot)[0])]);

    const subjects = subjectsFor(system.namespace);
    const installs = await eventsOf(nc, subjects, identity, 'CertificateInstallAnswered');
    expect(installs.map((event) => [event.data.certificateType, event.data.status])).toEqual([
      ['ManufacturerRootCertificate', 'Accepted'],
      ['CentralSystemRootCertificate', 'Accepted'],
    ]);
    expect(installs[0].data.certificateHashData).toEqual(manufacturerIds.body.certificateHashData?.[0]);
    const reports = await eventsOf(nc, subjects, identity, 'InstalledCertificatesReported');
    expect(reports.map((event) => [event.data.certificateType, event.data.certificateHashData.length])).toEqual([
      ['ManufacturerRootCertificate', 1],
      ['CentralSystemRootCertificate', 1],
    ]);
  });

  it('TC_076: deletes one installed certificate by its hash data; the other stays; deleting it again is NotFound', async () => {
    const identity = 'CERT-DELETE';
    await wallbox(identity);
    const [first, second] = await Promise.all([createCertificateAuthority('Root one'), createCertificateAuthority('Root two')]);
    for (const root of [first, second]) expect((await api.install(identity, 'ManufacturerRootCertificate', root.certPem)).body.status).toBe('Accepted');
    const listed = (await api.installed(identity, 'ManufacturerRootCertificate')).body.certificateHashData ?? [];
    expect(listed).toHaveLength(2);
    const target = await certificateHashData(first.certificate);

    expect(await api.delete(identity, { ...target })).toEqual({ status: 200, body: { status: 'Accepted' } });
    expect((await api.installed(identity, 'ManufacturerRootCertificate')).body.certificateHashData).toEqual([await certificateHashData(second.certificate)]);
    expect((await api.delete(identity, { ...target })).body).toEqual({ status: 'NotFound' });
    // The read model: what the wallbox answered, an accepted delete taken out.
    await eventually(async () => {
      const { body } = await system.api<{ certificateType: string; serialNumber: string }[]>(`/api/charge-points/${identity}/installed-certificates`);
      expect(body.map(({ certificateType, serialNumber }) => [certificateType, serialNumber])).toEqual([['ManufacturerRootCertificate', (await certificateHashData(second.certificate)).serialNumber]]);
    });
    const deletes = await eventsOf(nc, subjectsFor(system.namespace), identity, 'CertificateDeleteAnswered');
    expect(deletes.map((event) => event.data.status)).toEqual(['Accepted', 'NotFound']);
    expect(deletes[0].data.certificateHashData).toEqual(target);

    const graphql = await system.api<{ data?: unknown }>('/graphql', {
      method: 'POST',
      body: {
        query: `mutation { installedCertificateIds(identity: "${identity}", certificateType: ManufacturerRootCertificate) { status certificateHashData { serialNumber } } }`,
      },
    });
    expect(graphql.body).toEqual({ data: { installedCertificateIds: { status: 'Accepted', certificateHashData: [{ serialNumber: (await certificateHashData(second.certificate)).serialNumber }] } } });

    const mutation = (query: string) => system.api<{ data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] }>('/graphql', { method: 'POST', body: { query } });
    const { hashAlgorithm, issuerNameHash, issuerKeyHash, serialNumber } = await certificateHashData(second.certificate);
    const deleted = await mutation(
      `mutation { deleteCertificate(identity: "${identity}", hashAlgorithm: ${hashAlgorithm}, issuerNameHash: "${issuerNameHash}", issuerKeyHash: "${issuerKeyHash}", serialNumber: "${serialNumber}") { status } }`,
    );
    expect(deleted.body).toEqual({ data: { deleteCertificate: { status: 'Accepted' } } });
    const installed = await mutation(`mutation { installCertificate(identity: "${identity}", certificateType: ManufacturerRootCertificate, certificate: ${JSON.stringify(second.certPem)}) { status } }`);
    expect(installed.body).toEqual({ data: { installCertificate: { status: 'Accepted' } } });
    const garbage = await mutation(`mutation { installCertificate(identity: "${identity}", certificateType: ManufacturerRootCertificate, certificate: "hello") { status } }`);
    expect(garbage.body.errors?.[0]).toMatchObject({ message: expect.stringContaining('certificate'), extensions: { code: 'BAD_USER_INPUT' } });
    await eventually(async () => {
      const listed = await mutation(`{ installedCertificates(identity: "${identity}") { certificateType serialNumber } }`);
      expect(listed.body).toEqual({ data: { installedCertificates: [{ certificateType: 'ManufacturerRootCertificate', serialNumber }] } });
    });
    expect((await system.api(`/api/charge-points/NOBODY-HERE/installed-certificates`)).status).toBe(404);
  });

  it('TC_074 (and TC_078’s install step): a CSR the wallbox makes is signed by the CSMS CA, sent with CertificateSigned, verified and installed; every step in the log', async () => {
    const identity = 'CERT-SIGN';
    const cp = await wallbox(identity);
    expect((await api.install(identity, 'CentralSystemRootCertificate', csmsRoot)).body.status).toBe('Accepted');
    expect((await api.signChargePointCertificate(identity)).body).toEqual({ status: 'Accepted' });

    const own = await eventually(async () => {
      expect(cp.certificates.chargePointCertificate).toBeDefined();
      return cp.certificates.chargePointCertificate as { certPem: string };
    });
    expect(await checkChain(own.certPem, [csmsRoot], identity, new Date())).toMatchObject({ ok: true });
    const history = await eventually(async () => {
      const events = await signingHistory(nc, system, identity);
      expect(types(events)).toEqual(['CertificateSigningRequested', 'ChargePointCertificateIssued', 'ChargePointCertificateSent']);
      return events;
    });
    expect(history[1].data).toMatchObject({ signer: 'csms' });
    expect(history[2].data).toMatchObject({ status: 'Accepted' });
  });

  it('refuses a CSR for another identity, a malformed one and an empty one (the schema allows it) with an event and no certificate; the wallbox is answered Accepted once each is stored', async () => {
    const identity = 'CERT-REFUSE';
    const cp = await wallbox(identity);
    const { csrPem } = await createCsr('SOMEONE-ELSE');
    expect(await cp.call('SignCertificate', { csr: csrPem })).toEqual({ status: 'Accepted' });
    expect(await cp.call('SignCertificate', { csr: '-----BEGIN CERTIFICATE REQUEST-----\nnot base64 at all\n-----END CERTIFICATE REQUEST-----' })).toEqual({ status: 'Accepted' });
    expect(await cp.call('SignCertificate', { csr: '' })).toEqual({ status: 'Accepted' });
    const history = await eventually(async () => {
      const events = await signingHistory(nc, system, identity);
      expect(types(events).filter((type) => type === 'CertificateSigningRefused')).toHaveLength(3);
      return events;
    });
    expect(types(history)).not.toContain('ChargePointCertificateIssued');
    const reasons = history.flatMap((event) => (event.type === 'CertificateSigningRefused' ? [event.data.reason] : []));
    // The signer handles requests side by side: the refusals are recorded in either order.
    expect(reasons).toEqual(expect.arrayContaining([expect.stringContaining('CN must be the identity'), expect.stringContaining('does not parse'), expect.stringContaining('found 0')]));
    expect((await chargePoint(system, identity)).online).toBe(true);
  });

  it('TC_077: a certificate the wallbox cannot verify (no CSMS root installed) is Rejected, and its InvalidChargePointCertificate security event is listed', async () => {
    const identity = 'CERT-INVALID';
    const cp = await wallbox(identity);
    expect((await api.signChargePointCertificate(identity)).body).toEqual({ status: 'Accepted' });
    await eventually(async () => {
      const events = await signingHistory(nc, system, identity);
      expect(events.at(-1)).toMatchObject({ type: 'ChargePointCertificateSent', data: { status: 'Rejected' } });
    });
    expect(cp.certificates.chargePointCertificate).toBeUndefined();
    await eventually(async () => {
      const { body } = await system.api<{ items: { type: string; techInfo: string | null }[] }>(`/api/charge-points/${identity}/security-events`);
      expect(body.items.map((item) => item.type)).toEqual(['InvalidChargePointCertificate']);
    });
  });

  it('answers bad input with 400 naming the field, an offline charge point with 409', async () => {
    await wallbox('CERT-BAD-INPUT');
    const notPem = await api.install('CERT-BAD-INPUT', 'ManufacturerRootCertificate', 'hello');
    expect(notPem.status).toBe(400);
    expect(String(notPem.body.message)).toContain('certificate');
    const garbage = await api.install('CERT-BAD-INPUT', 'ManufacturerRootCertificate', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----');
    expect(garbage.status).toBe(400);
    const badType = await api.install('CERT-BAD-INPUT', 'ChargePointCertificate', csmsRoot);
    expect(badType.status).toBe(400);
    expect(String(badType.body.message)).toContain('certificateType');
    const badHash = await api.delete('CERT-BAD-INPUT', { hashAlgorithm: 'SHA256', issuerNameHash: 'xyz', issuerKeyHash: 'ab', serialNumber: '01' });
    expect(badHash.status).toBe(400);
    expect(String(badHash.body.message)).toContain('issuerNameHash');
    expect((await api.installed('CERT-BAD-INPUT', 'SomethingElse')).status).toBe(400);

    const parked = await wallbox('CERT-OFFLINE');
    await parked.close();
    await expect.poll(async () => (await chargePoint(system, 'CERT-OFFLINE')).online, { timeout: SLOW_MS }).toBe(false);
    expect((await api.installed('CERT-OFFLINE', 'ManufacturerRootCertificate')).status).toBe(409);
  });
});

describe('Certificates signed by an external CA through NATS (CERTIFICATE_SIGNER=external)', () => {
  let system: System;
  let nc: NatsConnection;
  let externalCa: CertificateAuthority;
  const asked: CertificateSigningRequest[] = [];
  const wallboxes: SimulatedChargePoint[] = [];
  const api = certificateApi(() => system);

  beforeAll(async () => {
    system = await startSystem({ CERTIFICATE_SIGNER: 'external' });
    nc = await connectNats(system.env.NATS_URL, 'e2e-external-ca');
    externalCa = await createCertificateAuthority('External CA');
    // The external CA, as a test double on the documented subject: signs what it is asked, refuses CN "REFUSE-ME".
    nc.subscribe(subjectsFor(system.namespace).externalCaSign, {
      callback: (_error, message) => {
        const request = message.json<CertificateSigningRequest>();
        asked.push(request);
        if (request.identity === 'REFUSE-ME') return void message.respond(JSON.stringify({ refused: 'not on our customer list' }));
        const terms = { serialNumber: '0badcafe', notBefore: new Date(Date.now() - DAY_MS), notAfter: new Date(Date.now() + DAY_MS) };
        void signChargePointCertificate(externalCa, parseCsr(request.csr), terms).then((certificateChain) => message.respond(JSON.stringify({ certificateChain })));
      },
    });
    await nc.flush();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(wallboxes.map((each) => each.close()));
    await nc?.close();
    await system?.stop();
  });

  it('asks the external CA with the CSR and identity, sends its chain, records it signed by "external"; a refusal is recorded', async () => {
    const signed = await adoptedWallbox(system, 'EXTERNAL-CA-1', { startMode: 'anyTag' });
    const refused = await adoptedWallbox(system, 'REFUSE-ME', { startMode: 'anyTag' });
    wallboxes.push(signed, refused);
    expect((await api.install('EXTERNAL-CA-1', 'CentralSystemRootCertificate', externalCa.certPem)).body.status).toBe('Accepted');
    expect((await api.signChargePointCertificate('EXTERNAL-CA-1')).body.status).toBe('Accepted');
    expect((await api.signChargePointCertificate('REFUSE-ME')).body.status).toBe('Accepted');

    await eventually(async () => expect(signed.certificates.chargePointCertificate).toBeDefined());
    const history = await eventually(async () => {
      const events = await signingHistory(nc, system, 'EXTERNAL-CA-1');
      expect(types(events)).toEqual(['CertificateSigningRequested', 'ChargePointCertificateIssued', 'ChargePointCertificateSent']);
      return events;
    });
    expect(history[1].data).toMatchObject({ signer: 'external' });
    expect(history[2].data).toMatchObject({ status: 'Accepted' });
    const request = asked.find((each) => each.identity === 'EXTERNAL-CA-1');
    expect(request?.csr).toContain('BEGIN CERTIFICATE REQUEST');
    expect(request?.requestId).toMatch(/^EXTERNAL-CA-1:/);

    await eventually(async () => {
      const events = await signingHistory(nc, system, 'REFUSE-ME');
      expect(events.at(-1)).toMatchObject({ type: 'CertificateSigningRefused', data: { reason: 'not on our customer list' } });
    });
  });
});
