import { createEvent, type CertificateSigningEvent } from '@voltstream/contracts';
import { describe, expect, it } from 'vitest';
import { decideSigning } from './signing';

const at = new Date('2026-12-05T01:00:00.000Z');
const requested = createEvent('CertificateSigningRequested', { csr: '-----BEGIN CERTIFICATE REQUEST-----' }, 'CP-1', at);
const issued = (requestSequence: number) => createEvent('ChargePointCertificateIssued', { requestSequence, certificateChain: `chain ${requestSequence}`, signer: 'csms' }, 'CP-1', at);
const given = (...events: CertificateSigningEvent[]) => ({ when: (requestSequence: number) => decideSigning(events, requestSequence) });

describe('decideSigning: a SignCertificate request is signed once and sent until answered', () => {
  it('signs a request nothing was recorded for yet', () => {
    expect(given(requested).when(7)).toEqual({ kind: 'sign' });
  });

  it('sends the chain already issued — after a crash or a redelivery, never a second signature', () => {
    expect(given(requested, issued(7)).when(7)).toEqual({ kind: 'send', certificateChain: 'chain 7' });
  });

  it('is done once the answer (or its absence) is recorded, or the request refused', () => {
    const sent = createEvent('ChargePointCertificateSent', { requestSequence: 7, status: 'Accepted' }, 'CP-1', at);
    const refused = createEvent('CertificateSigningRefused', { requestSequence: 7, reason: 'CN' }, 'CP-1', at);
    expect(given(requested, issued(7), sent).when(7)).toEqual({ kind: 'done' });
    expect(given(requested, refused).when(7)).toEqual({ kind: 'done' });
  });

  it('keeps the requests of one charge point apart', () => {
    expect(given(requested, issued(7), requested).when(9)).toEqual({ kind: 'sign' });
  });
});
