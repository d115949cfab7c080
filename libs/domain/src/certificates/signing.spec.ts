import { createEvent, type CertificateSigningEvent } from '@voltstream/contracts';
import { describe, expect, it } from 'vitest';
import { decideSigning } from './signing';

const at = new Date('2026-12-05T01:00:00.000Z');
const requested = (requestId: string) => createEvent('CertificateSigningRequested', { requestId, csr: '-----BEGIN CERTIFICATE REQUEST-----' }, 'CP-1', at);
const issued = (requestId: string) => createEvent('ChargePointCertificateIssued', { requestId, certificateChain: `chain ${requestId}`, signer: 'csms' }, 'CP-1', at);
const given = (...events: CertificateSigningEvent[]) => ({ when: (requestId: string) => decideSigning(events, requestId) });

describe('decideSigning: a SignCertificate request is signed once and sent until answered', () => {
  it('signs a request nothing was recorded for yet', () => {
    expect(given(requested('CP-1:7:h')).when('CP-1:7:h')).toEqual({ kind: 'sign' });
  });

  it('sends the chain already issued — after a crash or a redelivery, never a second signature', () => {
    expect(given(requested('CP-1:7:h'), issued('CP-1:7:h')).when('CP-1:7:h')).toEqual({ kind: 'send', certificateChain: 'chain CP-1:7:h' });
  });

  it('is done once the answer (or its absence) is recorded, or the request refused', () => {
    const sent = createEvent('ChargePointCertificateSent', { requestId: 'CP-1:7:h', status: 'Accepted' }, 'CP-1', at);
    const refused = createEvent('CertificateSigningRefused', { requestId: 'CP-1:7:h', reason: 'CN' }, 'CP-1', at);
    expect(given(requested('CP-1:7:h'), issued('CP-1:7:h'), sent).when('CP-1:7:h')).toEqual({ kind: 'done' });
    expect(given(requested('CP-1:7:h'), refused).when('CP-1:7:h')).toEqual({ kind: 'done' });
  });

  it('keeps the requests of one charge point apart', () => {
    expect(given(requested('CP-1:7:h'), issued('CP-1:7:h'), requested('CP-1:9:h')).when('CP-1:9:h')).toEqual({ kind: 'sign' });
  });
});
