import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, type EventOf, type EventType } from '@voltstream/contracts';
import { ChargePointRow, openReadModels } from '@voltstream/read-models';
import { tableContents, TestEventLog } from '../test-support/event-log';
import { startProjection } from './projection';
import { rebuildProjection } from './rebuild';

const log = new TestEventLog();
const { config, replayConfig } = log;
let lastSequence = 0;

async function publish<T extends EventType>(chargePoint: string, type: T, data: EventOf<T>['data']): Promise<void> {
  lastSequence = (await log.publisher.publish(createEvent(type, data, chargePoint, new Date()))).seq;
}

const CSR = '-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----';
const CHAIN = '-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----';

beforeAll(() => log.open('certificate-signing-replay-spec'));
afterAll(() => log.close());

describe('certificate signing state of charge_points on real NATS and Postgres', () => {
  it('is projected from the signing events of each charge point, and a rebuild gives the same rows', async () => {
    for (const identity of ['CP-ACCEPTED', 'CP-REFUSED', 'CP-UNANSWERED', 'CP-AGAIN']) await publish(identity, 'HeartbeatReceived', {});
    await publish('CP-ACCEPTED', 'CertificateSigningRequested', { requestId: 'a1', csr: CSR });
    await publish('CP-ACCEPTED', 'ChargePointCertificateIssued', { requestId: 'a1', certificateChain: CHAIN, signer: 'csms' });
    await publish('CP-ACCEPTED', 'ChargePointCertificateSent', { requestId: 'a1', status: 'Accepted' });
    await publish('CP-REFUSED', 'CertificateSigningRequested', { requestId: 'r1', csr: CSR });
    await publish('CP-REFUSED', 'CertificateSigningRefused', { requestId: 'r1', reason: 'CN must be the identity' });
    await publish('CP-UNANSWERED', 'CertificateSigningRequested', { requestId: 'u1', csr: CSR });
    await publish('CP-UNANSWERED', 'ChargePointCertificateIssued', { requestId: 'u1', certificateChain: CHAIN, signer: 'external' });
    await publish('CP-UNANSWERED', 'ChargePointCertificateSent', { requestId: 'u1', status: null, reason: 'offline' });
    await publish('CP-AGAIN', 'CertificateSigningRequested', { requestId: 'g1', csr: CSR });
    await publish('CP-AGAIN', 'CertificateSigningRequested', { requestId: 'g2', csr: CSR });
    await publish('CP-AGAIN', 'ChargePointCertificateIssued', { requestId: 'g1', certificateChain: CHAIN, signer: 'csms' });
    await publish('CP-AGAIN', 'ChargePointCertificateIssued', { requestId: 'g2', certificateChain: CHAIN, signer: 'csms' });

    const projection = await startProjection(config);
    await projection.reached(lastSequence);
    await projection.close();
    const rows = await log.db.getRepository(ChargePointRow).find({ order: { identity: 'ASC' } });
    expect(rows.map(({ identity, certificateSigningRequestId, certificateSigningStatus, certificateSigningReason }) => [identity, certificateSigningRequestId, certificateSigningStatus, certificateSigningReason])).toEqual([
      ['CP-ACCEPTED', 'a1', 'Accepted', null],
      ['CP-AGAIN', 'g2', 'Signed', null],
      ['CP-REFUSED', 'r1', 'Refused', 'CN must be the identity'],
      ['CP-UNANSWERED', 'u1', 'Unanswered', 'offline'],
    ]);
    expect(rows.every((row) => row.certificateSigningAt instanceof Date)).toBe(true);

    await rebuildProjection(replayConfig);
    const replay = await openReadModels(replayConfig.databaseUrl);
    try {
      expect(await tableContents(replay)).toEqual(await tableContents(log.db));
    } finally {
      await replay.destroy();
    }
  });
});
