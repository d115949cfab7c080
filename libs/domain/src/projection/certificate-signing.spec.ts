import { describe, expect, it } from 'vitest';
import { createEvent, type EventOf, type EventType, type VoltstreamEvent } from '@voltstream/contracts';
import { ProjectionBatch } from './batch';

const CP = 'DEPOT-9';
const at = (second: number) => new Date(Date.UTC(2026, 2, 1, 10, 0, second));
const event = <T extends EventType>(type: T, data: EventOf<T>['data'], second: number): EventOf<T> => createEvent(type, data, CP, at(second));
const CSR = '-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----';
const CHAIN = '-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----';

function given(...events: VoltstreamEvent[]): ProjectionBatch {
  const batch = new ProjectionBatch();
  [event('HeartbeatReceived', {}, 0), ...events].forEach((each, index) => batch.apply(each, index + 1));
  return batch;
}

const signing = (batch: ProjectionBatch) => {
  const { certificateSigningRequestId, certificateSigningStatus, certificateSigningReason, certificateSigningAt } = batch.chargePoint(CP) ?? {};
  return { certificateSigningRequestId, certificateSigningStatus, certificateSigningReason, certificateSigningAt };
};

describe('certificate signing state', () => {
  it('a charge point that never sent SignCertificate has none', () => {
    expect(signing(given())).toEqual({ certificateSigningRequestId: null, certificateSigningStatus: null, certificateSigningReason: null, certificateSigningAt: null });
  });

  it('follows a request through signing to the wallbox accepting CertificateSigned', () => {
    const requested = event('CertificateSigningRequested', { requestId: 'r1', csr: CSR }, 1);
    const issued = event('ChargePointCertificateIssued', { requestId: 'r1', certificateChain: CHAIN, signer: 'csms' }, 2);
    const sent = event('ChargePointCertificateSent', { requestId: 'r1', status: 'Accepted' }, 3);
    expect(signing(given(requested))).toEqual({ certificateSigningRequestId: 'r1', certificateSigningStatus: 'Requested', certificateSigningReason: null, certificateSigningAt: at(1) });
    expect(signing(given(requested, issued))).toMatchObject({ certificateSigningStatus: 'Signed', certificateSigningAt: at(2) });
    expect(signing(given(requested, issued, sent))).toEqual({ certificateSigningRequestId: 'r1', certificateSigningStatus: 'Accepted', certificateSigningReason: null, certificateSigningAt: at(3) });
  });

  it('shows a wallbox that rejected the chain, and one that never answered, with why', () => {
    const requested = event('CertificateSigningRequested', { requestId: 'r1', csr: CSR }, 1);
    const issued = event('ChargePointCertificateIssued', { requestId: 'r1', certificateChain: CHAIN, signer: 'external' }, 2);
    expect(signing(given(requested, issued, event('ChargePointCertificateSent', { requestId: 'r1', status: 'Rejected' }, 3)))).toMatchObject({
      certificateSigningStatus: 'Rejected',
      certificateSigningReason: null,
    });
    expect(signing(given(requested, issued, event('ChargePointCertificateSent', { requestId: 'r1', status: null, reason: 'offline' }, 3)))).toMatchObject({
      certificateSigningStatus: 'Unanswered',
      certificateSigningReason: 'offline',
    });
  });

  it("shows the CA's refusal with its reason", () => {
    const batch = given(event('CertificateSigningRequested', { requestId: 'r1', csr: CSR }, 1), event('CertificateSigningRefused', { requestId: 'r1', reason: 'CN does not match' }, 2));
    expect(signing(batch)).toMatchObject({ certificateSigningStatus: 'Refused', certificateSigningReason: 'CN does not match', certificateSigningAt: at(2) });
  });

  it('a newer request replaces the one shown; later steps of the older one change nothing', () => {
    const batch = given(
      event('CertificateSigningRequested', { requestId: 'r1', csr: CSR }, 1),
      event('CertificateSigningRequested', { requestId: 'r2', csr: CSR }, 2),
      event('ChargePointCertificateIssued', { requestId: 'r1', certificateChain: CHAIN, signer: 'csms' }, 3),
      event('ChargePointCertificateSent', { requestId: 'r1', status: 'Accepted' }, 4),
    );
    expect(signing(batch)).toEqual({ certificateSigningRequestId: 'r2', certificateSigningStatus: 'Requested', certificateSigningReason: null, certificateSigningAt: at(2) });
  });

  it('a request of a charge point forgotten since makes no row', () => {
    const batch = new ProjectionBatch();
    batch.apply(event('CertificateSigningRequested', { requestId: 'r1', csr: CSR }, 1), 1);
    expect(batch.chargePoint(CP)).toBeUndefined();
  });
});
