import { certificateHashData, parseCertificates } from '@voltstream/certificates';
import { createEvent, type CertificateHashData, type CertificateType, type EventOf, type WallboxCommandReply } from '@voltstream/contracts';

/** What a wallbox answered about its certificates: every answer is recorded, whatever its status. */
export type CertificateAnswerEvent = EventOf<'CertificateInstallAnswered'> | EventOf<'InstalledCertificatesReported'> | EventOf<'CertificateDeleteAnswered'>;

type Payload = Record<string, unknown>;

/**
 * The SHA256 hash data of the (first) certificate of a PEM text; null for one the library cannot
 * read — whatever it throws: the wallbox's answer is recorded all the same, and this never rejects.
 */
async function hashDataOf(pem: string): Promise<CertificateHashData | null> {
  try {
    return await certificateHashData(parseCertificates(pem)[0]);
  } catch {
    return null;
  }
}

/**
 * The event an answer to InstallCertificate, GetInstalledCertificateIds or DeleteCertificate
 * records (undefined for another action, or no answer). `request` is the payload the gateway
 * validated and sent, `reply` the wallbox's validated answer, so both fit the whitepaper's schema.
 */
export function certificateAnswerEvent(identity: string, action: string, request: Payload, reply: WallboxCommandReply, at: Date): Promise<CertificateAnswerEvent> | undefined {
  if (reply.outcome !== 'result') return undefined;
  const status = reply.payload.status as string;
  switch (action) {
    case 'InstallCertificate':
      return hashDataOf(request.certificate as string).then((hashData) =>
        createEvent('CertificateInstallAnswered', { certificateType: request.certificateType as CertificateType, certificateHashData: hashData, status }, identity, at),
      );
    case 'GetInstalledCertificateIds': {
      const reported = (reply.payload.certificateHashData ?? []) as CertificateHashData[];
      const data = { certificateType: request.certificateType as CertificateType, status, certificateHashData: reported };
      return Promise.resolve(createEvent('InstalledCertificatesReported', data, identity, at));
    }
    case 'DeleteCertificate':
      return Promise.resolve(createEvent('CertificateDeleteAnswered', { certificateHashData: request.certificateHashData as CertificateHashData, status }, identity, at));
    default:
      return undefined;
  }
}
