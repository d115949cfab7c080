import { CertificateError, describe, keyPair, pemBlocks, privateKeyPem, signingAlgorithmOf, x509, type KeyAlgorithm } from './x509';

export type CsrCheck = { ok: true; request: x509.Pkcs10CertificateRequest } | { ok: false; reason: string };

const COMMON_NAME = '2.5.4.3';

/** The subject's common names of a request or certificate. */
export function commonNamesOf(name: x509.Name): string[] {
  return name.getField(COMMON_NAME);
}

/** Parses one PEM PKCS#10 request; a CertificateError says why it is none. */
export function parseCsr(pem: string): x509.Pkcs10CertificateRequest {
  const blocks = pemBlocks(pem, 'CERTIFICATE REQUEST');
  if (blocks.length !== 1) throw new CertificateError(`expected one PEM certificate request (-----BEGIN CERTIFICATE REQUEST-----), found ${blocks.length}`);
  try {
    return new x509.Pkcs10CertificateRequest(blocks[0]);
  } catch (error) {
    throw new CertificateError(`the certificate request does not parse: ${describe(error)}`);
  }
}

/**
 * Whether the CSMS signs a charge point's request (whitepaper A02/A03): it must parse, its
 * signature must verify with the key it carries (the wallbox holds that key), and its subject's
 * one common name must be the identity the wallbox connected with.
 */
export async function checkCsr(pem: string, identity: string): Promise<CsrCheck> {
  let request: x509.Pkcs10CertificateRequest;
  try {
    request = parseCsr(pem);
  } catch (error) {
    return { ok: false, reason: describe(error) };
  }
  if (!(await signatureVerifies(request))) return { ok: false, reason: 'the signature of the certificate request does not verify' };
  const names = commonNamesOf(request.subjectName);
  if (names.length !== 1 || names[0] !== identity) {
    return { ok: false, reason: `the subject CN must be the identity ${JSON.stringify(identity)}, the request names ${JSON.stringify(names)}` };
  }
  return { ok: true, request };
}

/** A new key pair and a request for it with CN = `commonName`, as a wallbox makes them: both PEM. */
export async function createCsr(commonName: string, algorithm: KeyAlgorithm = 'ecdsa', organization?: string): Promise<{ csrPem: string; keyPem: string }> {
  const keys = await keyPair(algorithm);
  const name: x509.JsonName = [{ CN: [commonName] }, ...(organization ? [{ O: [organization] }] : [])];
  const request = await x509.Pkcs10CertificateRequestGenerator.create({ name, keys, signingAlgorithm: signingAlgorithmOf(keys.privateKey) });
  return { csrPem: request.toString('pem'), keyPem: privateKeyPem(keys.privateKey) };
}

/** A request whose key WebCrypto cannot import (an unsupported curve) cannot be verified: refused like a bad signature. */
async function signatureVerifies(request: x509.Pkcs10CertificateRequest): Promise<boolean> {
  try {
    return await request.verify();
  } catch {
    return false;
  }
}
