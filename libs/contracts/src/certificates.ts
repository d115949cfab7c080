import { ContractError, contractViolations, parseJson } from './contract';
import { array, nullable, object, oneOf, string, type Schema } from './schema';

/**
 * The vocabulary of certificate management (OCPP 1.6 security whitepaper, edition 3) in events
 * and on the external CA subject; the OCPP classes in @voltstream/ocpp check the wire.
 */
export const CERTIFICATE_TYPES = ['CentralSystemRootCertificate', 'ManufacturerRootCertificate'] as const;
export type CertificateType = (typeof CERTIFICATE_TYPES)[number];

export const HASH_ALGORITHMS = ['SHA256', 'SHA384', 'SHA512'] as const;

/** CertificateHashDataType: a certificate named as OCSP's CertID does (RFC 6960). */
export interface CertificateHashData {
  hashAlgorithm: (typeof HASH_ALGORITHMS)[number];
  issuerNameHash: string;
  issuerKeyHash: string;
  serialNumber: string;
}

export const certificateHashData: Schema<CertificateHashData> = object({
  hashAlgorithm: oneOf(HASH_ALGORITHMS),
  issuerNameHash: string({ min: 1, max: 128 }),
  issuerKeyHash: string({ min: 1, max: 128 }),
  serialNumber: string({ min: 1, max: 40 }),
});
export const certificateType: Schema<CertificateType> = oneOf(CERTIFICATE_TYPES);
export const nullableCertificateHashData = nullable(certificateHashData);
export const certificateHashDataList = array(certificateHashData);

/** Who signed a charge point certificate: the CSMS's own CA, or the external CA on the NATS subject. */
export const CERTIFICATE_SIGNERS = ['csms', 'external'] as const;
export type CertificateSigner = (typeof CERTIFICATE_SIGNERS)[number];

/** Asked of an external CA on `subjects.externalCaSign`: sign the charge point's CSR (PEM). `requestId` names the request: the same may be asked again after a crash. */
export interface CertificateSigningRequest {
  identity: string;
  csr: string;
  requestId: string;
}

/** The external CA's answer: a chain (PEM, the charge point's certificate first), or why it refuses. */
export type CertificateSigningReply = { certificateChain: string } | { refused: string };

const certificateSigningReply: Schema<{ certificateChain?: string; refused?: string }> = object({}, { certificateChain: string({ min: 1, max: 10000 }), refused: string({ min: 1 }) });

export function parseCertificateSigningReply(data: Uint8Array): CertificateSigningReply {
  const reply = parseJson('certificate signing reply', certificateSigningReply, data);
  if (reply.certificateChain !== undefined && reply.refused === undefined) return { certificateChain: reply.certificateChain };
  if (reply.refused !== undefined && reply.certificateChain === undefined) return { refused: reply.refused };
  contractViolations.count('certificate signing reply');
  throw new ContractError('certificate signing reply', 'exactly one of certificateChain and refused');
}
