import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A NATS namespace of its own for one test file, so tests never see each other's events. */
export function uniqueNamespace(): string {
  return `t${randomBytes(5).toString('hex')}`;
}

/** A database of the test's own on the Postgres server of DATABASE_URL (set by the test runner's global setup). */
function databaseUrl(namespace: string): string {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/voltstream');
  url.pathname = `/voltstream_${namespace}`;
  return url.toString();
}

/**
 * Environment for services started by a test: the NATS and Postgres the global setup found or
 * started (NATS_URL, DATABASE_URL), a database of its own, and a CSMS CA of its own (made at
 * the authorization service's first start, in the system's temporary folder).
 */
export function testEnv(namespace: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NATS_URL: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
    DATABASE_URL: databaseUrl(namespace),
    VOLTSTREAM_NAMESPACE: namespace,
    LOG_LEVEL: 'warn',
    CSMS_CA_CERT: join(tmpdir(), `voltstream-ca-${namespace}`, 'ca.pem'),
    CSMS_CA_KEY: join(tmpdir(), `voltstream-ca-${namespace}`, 'ca.key'),
    ...overrides,
  };
}
