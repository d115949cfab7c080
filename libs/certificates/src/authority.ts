import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  DAY_MS,
  importPrivateKey,
  keyPair,
  privateKeyPem,
  parseCertificates,
  randomSerialNumber,
  signingAlgorithmOf,
  x509,
  type CryptoKey,
} from './x509';

/** A CA: its certificate and private key, parsed and as PEM. */
export interface CertificateAuthority {
  certificate: x509.X509Certificate;
  privateKey: CryptoKey;
  certPem: string;
  keyPem: string;
}

/** A self-signed ECDSA CA of its own, valid for `days`. */
export async function createCertificateAuthority(commonName: string, days = 3650, now = new Date()): Promise<CertificateAuthority> {
  const keys = await keyPair('ecdsa');
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerialNumber(),
    name: `CN=${commonName}`,
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(now.getTime() + days * DAY_MS),
    keys,
    signingAlgorithm: signingAlgorithmOf(keys.privateKey),
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certificate, privateKey: keys.privateKey, certPem: certificate.toString('pem'), keyPem: privateKeyPem(keys.privateKey) };
}

/** Reads a CA from its PEM files; a CertificateError when either is not what it should be. */
export async function readCertificateAuthority(certFile: string, keyFile: string): Promise<CertificateAuthority> {
  const [certPem, keyPem] = await Promise.all([readFile(certFile, 'utf8'), readFile(keyFile, 'utf8')]);
  const [certificate] = parseCertificates(certPem);
  return { certificate, privateKey: await importPrivateKey(keyPem), certPem, keyPem };
}

/**
 * The CA in `certFile`/`keyFile`, made there on first start when neither exists (development,
 * compose). In Kubernetes both come from a Secret and are never written.
 * @returns the CA and whether it was created now.
 */
export async function ensureCertificateAuthority(certFile: string, keyFile: string, commonName: string): Promise<{ authority: CertificateAuthority; created: boolean }> {
  if (existsSync(certFile) || existsSync(keyFile)) return { authority: await readCertificateAuthority(certFile, keyFile), created: false };
  const authority = await createCertificateAuthority(commonName);
  await mkdir(dirname(keyFile), { recursive: true, mode: 0o700 });
  await mkdir(dirname(certFile), { recursive: true });
  // 'wx': a second replica starting at the same moment fails here rather than overwrite the first's key.
  await writeFile(keyFile, authority.keyPem, { mode: 0o600, flag: 'wx' });
  await writeFile(certFile, authority.certPem, { flag: 'wx' });
  return { authority, created: true };
}

export interface SigningTerms {
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
}

/**
 * Signs a checked request (see checkCsr) as a charge point's client certificate (whitepaper:
 * ChargePointCertificate, used for TLS client authentication with security profile 3).
 * @returns the chain, PEM: the new certificate, then the CA's.
 */
export async function signChargePointCertificate(authority: CertificateAuthority, request: x509.Pkcs10CertificateRequest, terms: SigningTerms): Promise<string> {
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: terms.serialNumber,
    subject: request.subjectName,
    issuer: authority.certificate.subjectName,
    notBefore: terms.notBefore,
    notAfter: terms.notAfter,
    signingKey: authority.privateKey,
    publicKey: request.publicKey,
    signingAlgorithm: signingAlgorithmOf(authority.privateKey),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyAgreement, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
      await x509.AuthorityKeyIdentifierExtension.create(authority.certificate),
    ],
  });
  return `${certificate.toString('pem')}\n${authority.certPem.trim()}\n`;
}
