import { randomBytes } from 'node:crypto';

/** A NATS namespace of its own for one test file, so tests never see each other's events. */
export function uniqueNamespace(): string {
  return `t${randomBytes(5).toString('hex')}`;
}

/** Environment for services started by a test: local NATS and Postgres, a database of its own. */
export function testEnv(namespace: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NATS_URL: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/voltstream_${namespace}`,
    VOLTSTREAM_NAMESPACE: namespace,
    LOG_LEVEL: 'warn',
    ...overrides,
  };
}
