import type { SecureContextOptions, TlsOptions } from 'node:tls';

/**
 * TLS as the OCPP 1.6 security whitepaper (edition 3, §4.1.3) asks of a central system: TLS 1.2
 * or 1.3 only; for TLS 1.2 the ECDHE AES-GCM suites with ECDSA or RSA server certificates, for
 * TLS 1.3 its AES-GCM suites.
 */
export const TLS_CIPHERS = [
  'TLS_AES_256_GCM_SHA384',
  'TLS_AES_128_GCM_SHA256',
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES256-GCM-SHA384',
].join(':');

/** The PEM contents of the configured files: server certificates and keys pairwise, the client CA bundle. */
export interface TlsMaterial {
  certs: Buffer[];
  keys: Buffer[];
  clientCa: Buffer | undefined;
}

/** The secure context: every server certificate (RSA and ECDSA side by side), the CA bundle of profile 3. */
export function secureContextOptions(material: TlsMaterial): SecureContextOptions {
  return {
    cert: material.certs,
    key: material.keys,
    ...(material.clientCa ? { ca: material.clientCa } : {}),
    minVersion: 'TLSv1.2',
    maxVersion: 'TLSv1.3',
    ciphers: TLS_CIPHERS,
    honorCipherOrder: true,
  };
}

/**
 * The `wss://` server: a client certificate is asked for but never fails the TLS handshake, so
 * that the handshake ladder refuses a profile 3 charge point with its reason (and lets lower
 * profiles in without one).
 */
export function tlsServerOptions(material: TlsMaterial): TlsOptions {
  return { ...secureContextOptions(material), requestCert: true, rejectUnauthorized: false };
}
