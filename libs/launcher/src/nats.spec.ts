import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnLogged, stopChild } from './child';
import { findExecutable, probeNats, resolveNats, startNatsServer } from './nats';
import type { Output } from './output';
import { freePort } from './ports';
import { waitUntil } from './wait';

const lines: string[] = [];
const output: Output = (source, text) => lines.push(`${source}: ${text}`);
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vs-nats-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe('probeNats', () => {
  it('finds JetStream on the NATS server of this machine', async () => {
    expect(await probeNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222')).toBe('jetstream');
  });

  it('reports a port where nothing listens as unreachable', async () => {
    expect(await probeNats(`nats://127.0.0.1:${await freePort()}`)).toBe('unreachable');
  });

  it('tells a NATS server without JetStream apart', async () => {
    const port = await freePort();
    const binary = await findExecutable('nats-server');
    const server = spawnLogged({ name: 'nats', command: binary ?? 'nats-server', args: ['-a', '127.0.0.1', '-p', String(port)], output });
    cleanups.push(() => stopChild(server, 5000));
    const url = `nats://127.0.0.1:${port}`;
    await waitUntil(async () => (await probeNats(url)) !== 'unreachable', { what: 'nats-server', timeoutMs: 15_000 });
    expect(await probeNats(url)).toBe('no-jetstream');
  });
});

describe('startNatsServer', () => {
  it('starts nats-server with JetStream on a free port and stops it again', async () => {
    const port = await freePort();
    const server = await startNatsServer({ port, storeDir: join(await tempDir(), 'nats'), output });
    cleanups.push(() => server.stop());

    expect(server.url).toBe(`nats://127.0.0.1:${port}`);
    expect(await probeNats(server.url)).toBe('jetstream');

    await server.stop();
    expect(await probeNats(server.url)).toBe('unreachable');
  });
});

describe('resolveNats', () => {
  it('uses a configured NATS_URL with JetStream without starting anything', async () => {
    const url = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
    const server = await resolveNats({ NATS_URL: url }, await tempDir(), output);
    expect(server).toMatchObject({ url, startedHere: false });
  });

  it('refuses a configured NATS_URL where nothing answers', async () => {
    const url = `nats://127.0.0.1:${await freePort()}`;
    await expect(resolveNats({ NATS_URL: url }, await tempDir(), output)).rejects.toThrow(`No NATS server answers at NATS_URL=${url}`);
  });
});

describe('findExecutable', () => {
  it('finds nats-server on this machine and nothing for an unknown name', async () => {
    expect(await findExecutable('nats-server')).toMatch(/\/nats-server$/);
    expect(await findExecutable('no-such-voltstream-binary')).toBeUndefined();
  });
});
