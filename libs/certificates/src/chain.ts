import { commonNamesOf } from './csr';
import { CertificateError, parseCertificates, x509 } from './x509';

export type ChainCheck = { ok: true; leaf: x509.X509Certificate } | { ok: false; reason: string };

/**
 * Whether a chain a wallbox received (CertificateSigned) is one to install: it parses, each
 * certificate is signed by the next, the last by one of the `roots` (its CentralSystemRootCertificates),
 * all are valid `at`, and the leaf's CN is the wallbox's identity (unless `identity` is undefined:
 * a firmware signing certificate, checked against the ManufacturerRootCertificates).
 */
export async function checkChain(chainPem: string, roots: readonly string[], identity: string | undefined, at: Date): Promise<ChainCheck> {
  let chain: x509.X509Certificate[];
  let anchors: x509.X509Certificate[];
  try {
    chain = parseCertificates(chainPem);
    anchors = roots.flatMap((root) => parseCertificates(root));
  } catch (error) {
    if (error instanceof CertificateError) return { ok: false, reason: error.message };
    throw error;
  }
  const [leaf] = chain;
  if (identity !== undefined && commonNamesOf(leaf.subjectName)[0] !== identity) return { ok: false, reason: `the certificate is not for ${identity}` };
  for (const [index, certificate] of chain.entries()) {
    if (at < certificate.notBefore || at > certificate.notAfter) return { ok: false, reason: `certificate ${index + 1} is not valid now` };
    const issuers = index + 1 < chain.length ? [chain[index + 1]] : [];
    if (!(await signedByAny(certificate, issuers.length ? issuers : anchors))) return { ok: false, reason: `certificate ${index + 1} is not signed by a trusted issuer` };
  }
  return { ok: true, leaf };
}

async function signedByAny(certificate: x509.X509Certificate, issuers: readonly x509.X509Certificate[]): Promise<boolean> {
  for (const issuer of issuers) if (await signedBy(certificate, issuer)) return true;
  return false;
}

/** A key of another algorithm than the signature's makes WebCrypto throw: that issuer did not sign it. */
async function signedBy(certificate: x509.X509Certificate, issuer: x509.X509Certificate): Promise<boolean> {
  try {
    return await certificate.verify({ publicKey: issuer.publicKey, signatureOnly: true });
  } catch {
    return false;
  }
}
