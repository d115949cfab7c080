// @peculiar/x509 resolves its parts through tsyringe, which needs the Reflect metadata API.
import 'reflect-metadata';
import { KeyObject, randomBytes, webcrypto } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[1]);

/** ECDSA P-256 with SHA-256: what the whitepaper's ECDHE-ECDSA suites need, and quick to make. */
const ECDSA: webcrypto.EcKeyGenParams & webcrypto.EcdsaParams = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const RSA: webcrypto.RsaHashedKeyGenParams = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
const DAY_MS = 24 * 60 * 60 * 1000;

export type KeyAlgorithm = 'ecdsa' | 'rsa';

/** A certificate and its private key, both PEM. */
export interface IssuedCertificate {
  certPem: string;
  keyPem: string;
}

export interface CertificateAuthority extends IssuedCertificate {
  certificate: x509.X509Certificate;
  privateKey: CryptoKey;
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

function serialNumber(): string {
  // Positive (first bit clear) and unique enough for development certificates.
  return `01${randomBytes(15).toString('hex')}`;
}

async function keyPair(algorithm: KeyAlgorithm): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(algorithm === 'rsa' ? RSA : ECDSA, true, ['sign', 'verify']);
}

function privateKeyPem(key: CryptoKey): string {
  return KeyObject.from(key).export({ type: 'pkcs8', format: 'pem' }).toString();
}

function subjectAlternativeNames(hosts: string[]): x509.JsonGeneralName[] {
  return hosts.map((host) => (/^[\d.]+$|:/.test(host) ? { type: 'ip', value: host } : { type: 'dns', value: host }));
}

/** A self-signed CA of its own, valid for `days`: signs the server and client certificates of development. */
export async function createCertificateAuthority(commonName: string, days = 3650): Promise<CertificateAuthority> {
  const keys = await keyPair('ecdsa');
  const now = Date.now();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: `CN=${commonName}`,
    notBefore: new Date(now - DAY_MS),
    notAfter: new Date(now + days * DAY_MS),
    keys,
    signingAlgorithm: ECDSA,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certificate, privateKey: keys.privateKey, certPem: certificate.toString('pem'), keyPem: privateKeyPem(keys.privateKey) };
}

/** A server or client certificate signed by `authority`; valid for a year unless told otherwise. */
export async function issueCertificate(authority: CertificateAuthority, request: CertificateRequest): Promise<IssuedCertificate> {
  const keys = await keyPair(request.algorithm ?? 'ecdsa');
  const now = Date.now();
  const usage = request.usage === 'server' ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth;
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: `CN=${request.commonName}`,
    issuer: authority.certificate.subject,
    notBefore: request.notBefore ?? new Date(now - DAY_MS),
    notAfter: request.notAfter ?? new Date(now + 365 * DAY_MS),
    signingKey: authority.privateKey,
    publicKey: keys.publicKey,
    signingAlgorithm: ECDSA,
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
