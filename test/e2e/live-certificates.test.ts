import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subjectsFor, type CertificateSigningEvent } from '@voltstream/contracts';
import { connectNats, readAggregate } from '@voltstream/nats';
import type { SimulatedChargePoint } from '@voltstream/simulator';
import type { NatsConnection } from 'nats';
import { firstSubscription, liveClient, received, type Received } from './support/live';
import { startSystem, type System } from './support/system';
import { adoptedWallbox, chargePoint, eventually } from './support/wallboxes';

const SIGNED = 'LIVE-CERT-1';
const REJECTING = 'LIVE-CERT-2';

interface Signing {
  identity: string;
  certificateSigningRequestId: string | null;
  certificateSigningStatus: string | null;
  certificateSigningReason: string | null;
  certificateSigningAt: string | null;
}

interface LiveCertificates {
  chargePointIdentity: string;
  certificates: { certificateType: string; serialNumber: string }[];
}

interface LiveSecurityEvent {
  chargePointIdentity: string;
  securityEvent: { type: string; techInfo: string | null };
}

const SIGNING_FIELDS = 'identity certificateSigningRequestId certificateSigningStatus certificateSigningReason certificateSigningAt';

describe('certificate signing state and live security events and certificates (end to end, SPEC §9 and §10)', () => {
  let system: System;
  let client: Client;
  let nc: NatsConnection;
  let folder: string;
  let csmsRoot: string;
  const wallboxes = new Map<string, SimulatedChargePoint>();

  const signCertificate = (identity: string) =>
    system.api<{ status: string }>(`/api/charge-points/${identity}/extended-trigger`, { method: 'POST', body: { requestedMessage: 'SignChargePointCertificate' } });
  const signingHistory = async (identity: string) => {
    const subjects = subjectsFor(system.namespace);
    const subject = subjects.certificateSigning(identity);
    return (await readAggregate(nc, subjects.eventsStream, { subject, history: subject })).events as CertificateSigningEvent[];
  };
  /** Subscribes with `current: true` and waits for the value read now: every change afterwards arrives. */
  const currentAndChanges = async <T>(query: string): Promise<Received<T>> => {
    const got = received<T>(client, query);
    await eventually(async () => expect(got.values.length).toBeGreaterThan(0));
    return got;
  };

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'voltstream-live-ca-'));
    system = await startSystem({ CSMS_CA_CERT: join(folder, 'ca.pem'), CSMS_CA_KEY: join(folder, 'ca.key') });
    csmsRoot = await readFile(join(folder, 'ca.pem'), 'utf8');
    nc = await connectNats(system.env.NATS_URL, 'e2e-live-certificates');
    for (const identity of [SIGNED, REJECTING]) wallboxes.set(identity, await adoptedWallbox(system, identity, { startMode: 'anyTag' }));
    client = liveClient(system);
  }, 60_000);

  afterAll(async () => {
    await client?.dispose();
    await Promise.all([...wallboxes.values()].map((wallbox) => wallbox.close()));
    await nc?.close();
    await system?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('a SignCertificate the wallbox accepts is seen live and in REST and GraphQL as Accepted; the certificate installed before arrives on installedCertificatesChanged', async () => {
    const security = await firstSubscription<LiveSecurityEvent>(system, client, `subscription { securityEventReceived(identity: "${SIGNED}") { chargePointIdentity securityEvent { type } } }`);
    const certificates = await currentAndChanges<LiveCertificates>(
      `subscription { installedCertificatesChanged(identity: "${SIGNED}", current: true) { chargePointIdentity certificates { certificateType serialNumber } } }`,
    );
    const signing = await currentAndChanges<Signing>(`subscription { chargePointChanged(identity: "${SIGNED}", current: true) { ${SIGNING_FIELDS} } }`);
    expect(certificates.values).toEqual([{ chargePointIdentity: SIGNED, certificates: [] }]);
    expect(signing.values[0]).toMatchObject({ certificateSigningRequestId: null, certificateSigningStatus: null });

    const installed = await system.api<{ status: string }>(`/api/charge-points/${SIGNED}/certificates`, {
      method: 'POST',
      body: { certificateType: 'CentralSystemRootCertificate', certificate: csmsRoot },
    });
    expect(installed.body).toEqual({ status: 'Accepted' });
    await eventually(async () => expect(certificates.values.at(-1)?.certificates).toEqual([{ certificateType: 'CentralSystemRootCertificate', serialNumber: expect.any(String) }]));

    expect((await signCertificate(SIGNED)).body).toEqual({ status: 'Accepted' });
    await eventually(async () => expect(signing.values.at(-1)).toMatchObject({ certificateSigningStatus: 'Accepted' }));
    const [requested] = await signingHistory(SIGNED);
    const accepted = signing.values.at(-1) as Signing;
    expect(accepted).toEqual({ identity: SIGNED, certificateSigningRequestId: requested.data.requestId, certificateSigningStatus: 'Accepted', certificateSigningReason: null, certificateSigningAt: expect.any(String) });
    // Each value is a state the request passed through, in order (a step taken while the one before was read folds into it).
    const order = ['Requested', 'Signed', 'Accepted'];
    const seen = signing.values.slice(1).map((value) => value.certificateSigningStatus).filter((status) => status !== null);
    expect(seen).toEqual([...seen].sort((a, b) => order.indexOf(a as string) - order.indexOf(b as string)));

    const rest = await chargePoint(system, SIGNED);
    expect(rest).toMatchObject({ certificateSigningRequestId: requested.data.requestId, certificateSigningStatus: 'Accepted', certificateSigningAt: accepted.certificateSigningAt });
    const query = await system.api<{ data: { chargePoint: Signing } }>('/graphql', { method: 'POST', body: { query: `{ chargePoint(identity: "${SIGNED}") { ${SIGNING_FIELDS} } }` } });
    expect(query.body.data.chargePoint).toEqual(accepted);
    // A wallbox that accepted its certificate reports no security event.
    expect(security.values).toEqual([]);
    for (const subscription of [security, certificates, signing]) {
      expect(subscription.errors).toEqual([]);
      subscription.unsubscribe();
    }
  });

  it("a wallbox without the CSMS root rejects CertificateSigned: Rejected, and its InvalidChargePointCertificate arrives on securityEventReceived of its identity only", async () => {
    const security = received<LiveSecurityEvent>(client, `subscription { securityEventReceived(identity: "${REJECTING}") { chargePointIdentity securityEvent { type } } }`);
    const signing = await currentAndChanges<Signing>(`subscription { chargePointChanged(identity: "${REJECTING}", current: true) { ${SIGNING_FIELDS} } }`);
    // The other wallbox's event comes first in the log and is not handed out.
    expect(
      await wallboxes.get(SIGNED)?.call('SecurityEventNotification', { type: 'SettingSystemTime', timestamp: new Date().toISOString() }),
    ).toEqual({});

    expect((await signCertificate(REJECTING)).body).toEqual({ status: 'Accepted' });
    await eventually(async () => expect(signing.values.at(-1)).toMatchObject({ certificateSigningStatus: 'Rejected', certificateSigningReason: null }));
    await eventually(async () => expect(security.values).toEqual([{ chargePointIdentity: REJECTING, securityEvent: { type: 'InvalidChargePointCertificate' } }]));
    expect(await chargePoint(system, REJECTING)).toMatchObject({ certificateSigningStatus: 'Rejected' });
    for (const subscription of [security, signing]) {
      expect(subscription.errors).toEqual([]);
      subscription.unsubscribe();
    }
  });
});
