import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureDevelopmentTls } from './development-tls';

describe('npm start -- --tls: the development CA and server certificate', () => {
  const folder = join(mkdtempSync(join(tmpdir(), 'voltstream-dev-tls-')), 'tls');
  afterAll(() => rmSync(join(folder, '..'), { recursive: true, force: true }));

  it('makes a CA and a server certificate for the hosts it signs, once, and keeps them', async () => {
    const made = await ensureDevelopmentTls(folder, ['localhost', '127.0.0.1']);
    expect(made.created).toBe(true);
    const ca = new X509Certificate(readFileSync(made.caFile));
    const server = new X509Certificate(readFileSync(made.certFile));
    expect(ca.ca).toBe(true);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.checkPrivateKey(createPrivateKey(readFileSync(made.keyFile)))).toBe(true);

    const again = await ensureDevelopmentTls(folder, ['localhost']);
    expect(again.created).toBe(false);
    expect(new X509Certificate(readFileSync(again.caFile)).fingerprint256).toBe(ca.fingerprint256);
  });
});
