import type { CertificateSigningEvent } from '@voltstream/contracts';

/**
 * What is left to do for one SignCertificate request (whitepaper A02/A03), from the events of its
 * charge point's signing aggregate: sign it (or refuse it), send the chain, or nothing. A request
 * is signed at most once — the issued chain is what any later attempt sends — and sent until a
 * ChargePointCertificateSent records the wallbox's answer or its absence.
 */
export type SigningStep = { kind: 'sign' } | { kind: 'send'; certificateChain: string } | { kind: 'done' };

export function decideSigning(history: readonly CertificateSigningEvent[], requestId: string): SigningStep {
  let chain: string | undefined;
  for (const event of history) {
    if (event.type === 'CertificateSigningRequested' || event.data.requestId !== requestId) continue;
    switch (event.type) {
      case 'CertificateSigningRefused':
      case 'ChargePointCertificateSent':
        return { kind: 'done' };
      case 'ChargePointCertificateIssued':
        chain = event.data.certificateChain;
        break;
      default: {
        const exhaustive: never = event;
        return exhaustive;
      }
    }
  }
  return chain === undefined ? { kind: 'sign' } : { kind: 'send', certificateChain: chain };
}
