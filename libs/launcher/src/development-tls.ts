import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createCertificateAuthority,
  DAY_MS,
  ECDSA_SIGNING,
  keyPair,
  privateKeyPem,
  randomSerialNumber,
  x509,
  type CertificateAuthority,
  type KeyAlgorithm,
} from '@voltstream/certificates';

export { createCertificateAuthority, type CertificateAuthority, type KeyAlgorithm };

/** A certificate and its private key, both PEM. */
export interface IssuedCertificate {
  certPem: string;
  keyPem: string;
}

export interface CertificateRequest {
  commonName: string;
  /** Server certificates: the DNS names and IP addresses wallboxes reach the gateway by. */
  hosts?: string[];
  usage: 'server' | 'client';
  algorithm?: KeyAlgorithm;
  notBefore?: Date;
  notAfter?: Date;
}

function subjectAlternativeNames(hosts: string[]): x509.JsonGeneralName[] {
  return hosts.map((host) => (/^[\d.]+$|:/.test(host) ? { type: 'ip', value: host } : { type: 'dns', value: host }));
}

/** A server or client certificate signed by `authority`; valid for a year unless told otherwise. */
export async function issueCertificate(authority: CertificateAuthority, request: CertificateRequest): Promise<IssuedCertificate> {
  const keys = await keyPair(request.algorithm ?? 'ecdsa');
  const now = Date.now();
  const usage = request.usage === 'server' ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth;
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerialNumber(),
    subject: `CN=${request.commonName}`,
    issuer: authority.certificate.subject,
    notBefore: request.notBefore ?? new Date(now - DAY_MS),
    notAfter: request.notAfter ?? new Date(now + 365 * DAY_MS),
    signingKey: authority.privateKey,
    publicKey: keys.publicKey,
    signingAlgorithm: ECDSA_SIGNING,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([usage]),
      ...(request.hosts ? [new x509.SubjectAlternativeNameExtension(subjectAlternativeNames(request.hosts))] : []),
      await x509.AuthorityKeyIdentifierExtension.create(authority.certificate),
    ],
  });
  return { certPem: certificate.toString('pem'), keyPem: privateKeyPem(keys.privateKey) };
}

/** The files of the development TLS set-up under `.data/tls`. */
export interface DevelopmentTlsFiles {
  caFile: string;
  caKeyFile: string;
  certFile: string;
  keyFile: string;
  /** False when they were there already (kept across starts, so wallboxes keep trusting the CA). */
  created: boolean;
}

/**
 * A development CA and a server certificate for `hosts`, made once under `folder` and kept:
 * the CA is what a wallbox trusts, and what signs the client certificates of security profile 3.
 */
export async function ensureDevelopmentTls(folder: string, hosts: string[]): Promise<DevelopmentTlsFiles> {
  const files = {
    caFile: join(folder, 'ca.pem'),
    caKeyFile: join(folder, 'ca.key'),
    certFile: join(folder, 'server.pem'),
    keyFile: join(folder, 'server.key'),
  };
  if (Object.values(files).every((file) => existsSync(file))) return { ...files, created: false };
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const authority = await createCertificateAuthority('Voltstream development CA');
  const server = await issueCertificate(authority, { commonName: hosts[0] ?? 'localhost', hosts, usage: 'server' });
  await writeFile(files.caFile, authority.certPem);
  await writeFile(files.caKeyFile, authority.keyPem, { mode: 0o600 });
  await writeFile(files.certFile, server.certPem);
  await writeFile(files.keyFile, server.keyPem, { mode: 0o600 });
  return { ...files, created: true };
}
