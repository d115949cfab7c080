import { webcrypto } from 'node:crypto';
import { x509 } from './x509';

/** The whitepaper's CertificateHashDataType (the OCPP classes in @voltstream/ocpp validate it on the wire). */
export interface CertificateHashData {
  hashAlgorithm: HashAlgorithm;
  issuerNameHash: string;
  issuerKeyHash: string;
  serialNumber: string;
}
export type HashAlgorithm = 'SHA256' | 'SHA384' | 'SHA512';

const DIGESTS: Record<HashAlgorithm, string> = { SHA256: 'SHA-256', SHA384: 'SHA-384', SHA512: 'SHA-512' };

function hex(buffer: ArrayBuffer): string {
  return Buffer.from(buffer).toString('hex');
}

/**
 * The whitepaper's CertificateHashDataType of `certificate` (as OCSP's CertID, RFC 6960 §4.1.1):
 * the hash of its issuer's distinguished name (DER), the hash of its issuer's public key (the
 * BIT STRING of subjectPublicKey, without tag and length) and its serial number in hex without
 * leading zeroes. `issuer` is the certificate that signed it; a root is its own issuer.
 */
export async function certificateHashData(
  certificate: x509.X509Certificate,
  issuer: x509.X509Certificate = certificate,
  hashAlgorithm: HashAlgorithm = 'SHA256',
): Promise<CertificateHashData> {
  const digest = DIGESTS[hashAlgorithm];
  const [issuerNameHash, issuerKeyHash] = await Promise.all([
    webcrypto.subtle.digest(digest, certificate.issuerName.toArrayBuffer()),
    issuer.publicKey.getKeyIdentifier(digest),
  ]);
  return { hashAlgorithm, issuerNameHash: hex(issuerNameHash), issuerKeyHash: hex(issuerKeyHash), serialNumber: serialNumberHex(certificate.serialNumber) };
}

export function serialNumberHex(serialNumber: string): string {
  return serialNumber.toLowerCase().replace(/^0+(?=.)/, '');
}

/** Hash data name the same certificate: hex compared without regard to case or leading zeroes of the serial. */
export function sameHashData(a: CertificateHashData, b: CertificateHashData): boolean {
  return (
    a.hashAlgorithm === b.hashAlgorithm &&
    a.issuerNameHash.toLowerCase() === b.issuerNameHash.toLowerCase() &&
    a.issuerKeyHash.toLowerCase() === b.issuerKeyHash.toLowerCase() &&
    serialNumberHex(a.serialNumber) === serialNumberHex(b.serialNumber)
  );
}
