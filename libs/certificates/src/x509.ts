// @peculiar/x509 resolves its parts through tsyringe, which needs the Reflect metadata API.
import 'reflect-metadata';
import { createPrivateKey, KeyObject, randomBytes, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[1]);

export { x509 };
export type CryptoKey = webcrypto.CryptoKey;
export type CryptoKeyPair = webcrypto.CryptoKeyPair;

/** ECDSA P-256 with SHA-256: what the whitepaper's ECDHE-ECDSA suites need, and quick to make. */
export const ECDSA: webcrypto.EcKeyGenParams & webcrypto.EcdsaParams = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const RSA: webcrypto.RsaHashedKeyGenParams = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
export const DAY_MS = 24 * 60 * 60 * 1000;

export type KeyAlgorithm = 'ecdsa' | 'rsa';

/** Input that is not what it claims to be: a PEM that does not parse, a CSR whose signature fails. */
export class CertificateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CertificateError';
  }
}

/** A positive serial number (first bit clear) of 128 bits: unique without a registry. */
export function randomSerialNumber(): string {
  return `01${randomBytes(15).toString('hex')}`;
}

export function keyPair(algorithm: KeyAlgorithm): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(algorithm === 'rsa' ? RSA : ECDSA, true, ['sign', 'verify']);
}

export function privateKeyPem(key: CryptoKey): string {
  return KeyObject.from(key).export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** The signing parameters for a key: ECDSA P-256 or RSA, both with SHA-256. */
export function signingAlgorithmOf(key: CryptoKey): webcrypto.EcdsaParams | webcrypto.RsaHashedImportParams {
  return key.algorithm.name === 'ECDSA' ? ECDSA : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
}

/** Imports a PEM private key (ECDSA P-256 or RSA) for signing. */
export function importPrivateKey(pem: string): Promise<CryptoKey> {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw new CertificateError(`not a private key: ${describe(error)}`);
  }
  return webcrypto.subtle.importKey('pkcs8', key.export({ type: 'pkcs8', format: 'der' }), importParams(key), true, ['sign']);
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function importParams(key: KeyObject): webcrypto.EcKeyImportParams | webcrypto.RsaHashedImportParams {
  return key.asymmetricKeyType === 'ec' ? { name: 'ECDSA', namedCurve: 'P-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

/** The PEM blocks of one kind ("CERTIFICATE", "CERTIFICATE REQUEST") in a text, in order. */
export function pemBlocks(text: string, label: string): string[] {
  return [...text.matchAll(PEM_BLOCK)].filter((match) => match[1] === label).map((match) => match[0]);
}

/** Every certificate of a PEM text (a chain: leaf first); throws a CertificateError for none or one that does not parse. */
export function parseCertificates(text: string): x509.X509Certificate[] {
  const blocks = pemBlocks(text, 'CERTIFICATE');
  if (blocks.length === 0) throw new CertificateError('no PEM certificate (-----BEGIN CERTIFICATE-----) found');
  return blocks.map((block, index) => {
    try {
      return new x509.X509Certificate(block);
    } catch (error) {
      throw new CertificateError(`certificate ${index + 1} does not parse: ${describe(error)}`);
    }
  });
}
