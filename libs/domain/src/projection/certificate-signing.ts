import type { CertificateSigningEvent } from '@voltstream/contracts';
import type { ProjectedChargePoint } from './records';

/**
 * Where a charge point's newest SignCertificate request stands: `Requested` (stored, not signed yet),
 * `Signed` (the chain issued, CertificateSigned not answered yet), `Refused` by the CA, then the
 * wallbox's answer to CertificateSigned (`Accepted`, `Rejected`) or `Unanswered` (offline, timeout, CALLERROR).
 */
export const CERTIFICATE_SIGNING_STATUSES = ['Requested', 'Signed', 'Refused', 'Accepted', 'Rejected', 'Unanswered'] as const;
export type CertificateSigningStatus = (typeof CERTIFICATE_SIGNING_STATUSES)[number];

function outcome(event: CertificateSigningEvent): { status: CertificateSigningStatus; reason: string | null } {
  switch (event.type) {
    case 'CertificateSigningRequested':
      return { status: 'Requested', reason: null };
    case 'ChargePointCertificateIssued':
      return { status: 'Signed', reason: null };
    case 'CertificateSigningRefused':
      return { status: 'Refused', reason: event.data.reason };
    case 'ChargePointCertificateSent':
      // CertificateSignedStatusEnumType has Accepted and Rejected only.
      if (event.data.status === null) return { status: 'Unanswered', reason: event.data.reason ?? null };
      return { status: event.data.status === 'Accepted' ? 'Accepted' : 'Rejected', reason: null };
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

/**
 * A new request replaces the one shown; a later step of an older request (signed while the
 * wallbox already asked again) changes nothing.
 */
export function withCertificateSigning(chargePoint: ProjectedChargePoint, event: CertificateSigningEvent): ProjectedChargePoint {
  const { requestId } = event.data;
  if (event.type !== 'CertificateSigningRequested' && requestId !== chargePoint.certificateSigningRequestId) return chargePoint;
  const { status, reason } = outcome(event);
  return {
    ...chargePoint,
    certificateSigningRequestId: requestId,
    certificateSigningStatus: status,
    certificateSigningReason: reason,
    certificateSigningAt: new Date(event.metadata.recordedAt),
  };
}
