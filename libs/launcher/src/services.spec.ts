import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_HEALTH, APP_NAMES, entryPoint, type AppName } from './apps';
import type { Output } from './output';
import { startServices, type RunningServices } from './services';

/**
 * A stand-in for a built app: serves its health endpoints on the port the launcher gives it.
 * FIXTURE_MODE: `ok`; `crash-once` (exits 1 on its first run); `crash`; `never-ready` (ready answers 503).
 */
function fixtureApp(app: AppName): string {
  const health = APP_HEALTH[app];
  return `
const { createServer } = require('node:http');
const { existsSync, writeFileSync } = require('node:fs');
const mode = process.env.FIXTURE_MODE;
const marker = process.env.FIXTURE_MARKER + '.${app}';
if (mode === 'crash' || (mode === 'crash-once' && !existsSync(marker))) {
  writeFileSync(marker, '');
  console.error('failing on purpose');
  process.exit(1);
}
const port = Number(process.env.${health.portVariable});
const server = createServer((request, response) => {
  const ready = mode !== 'never-ready';
  response.statusCode = request.url === '${health.livePath ?? '/live'}' ? 200 : request.url === '${health.readyPath}' ? (ready ? 200 : 503) : 404;
  response.end();
});
server.listen(port, '127.0.0.1', () =>
  console.log('listening on ' + port + ' namespace=' + process.env.VOLTSTREAM_NAMESPACE + ' health=' + process.env.HEALTH_PORT));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;
}

const lines: string[] = [];
const output: Output = (source, text) => lines.push(`${source}: ${text}`);
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  lines.length = 0;
});

async function fixtureRoot(apps: readonly AppName[] = APP_NAMES): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'vs-launcher-'));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  for (const app of apps) {
    const file = join(root, entryPoint(app));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, fixtureApp(app));
  }
  return root;
}

async function start(root: string, mode: string, apps?: readonly AppName[], restart = false): Promise<RunningServices> {
  const env = { FIXTURE_MODE: mode, FIXTURE_MARKER: join(root, 'ran'), VOLTSTREAM_NAMESPACE: 'tlauncher' };
  const services = await startServices(env, apps, { root, output, restart, readyTimeoutMs: 20_000 });
  cleanups.unshift(() => services.stop());
  return services;
}

async function answers(url: string): Promise<boolean> {
  return fetch(url).then(
    (response) => response.ok,
    () => false,
  );
}

describe('startServices', () => {
  it('starts every app from dist with the environment, each on a port of its own, and stops them', async () => {
    const services = await start(await fixtureRoot(), 'ok');

    expect(services.apps).toEqual(APP_NAMES);
    const ports = APP_NAMES.map((app) => new URL(services.healthUrl(app)).port);
    expect(new Set(ports).size).toBe(APP_NAMES.length);
    expect(services.ocppUrl).toBe(`ws://127.0.0.1:${services.gatewayPort}/ocpp`);
    expect(services.apiUrl).toBe(`http://127.0.0.1:${services.apiPort}`);
    for (const app of APP_NAMES) expect(await answers(`${services.healthUrl(app)}${APP_HEALTH[app].readyPath}`)).toBe(true);
    expect(lines).toContain(`authorization: listening on ${ports[1]} namespace=tlauncher health=${ports[1]}`);
    expect(lines).toContain(`ocpp-gateway: listening on ${services.gatewayPort} namespace=tlauncher health=undefined`);

    await services.stop();
    for (const app of APP_NAMES) expect(await answers(`${services.healthUrl(app)}${APP_HEALTH[app].readyPath}`)).toBe(false);
  });

  it('starts only the apps asked for', async () => {
    const services = await start(await fixtureRoot(['authorization']), 'ok', ['authorization']);

    expect(services.apps).toEqual(['authorization']);
    expect(lines.filter((line) => !line.startsWith('authorization: '))).toEqual([]);
  });

  it('uses GATEWAY_PORT and API_PORT when they are set', async () => {
    const root = await fixtureRoot(['api']);
    const first = await start(root, 'ok', ['api']);
    await first.stop();
    const services = await startServices({ API_PORT: String(first.apiPort), FIXTURE_MODE: 'ok' }, ['api'], { root, output });
    cleanups.unshift(() => services.stop());

    expect(services.apiPort).toBe(first.apiPort);
    expect(await answers(`${services.apiUrl}/api/health`)).toBe(true);
  });

  it('restarts an app that exits unexpectedly, and says so', async () => {
    const services = await start(await fixtureRoot(['state-projection']), 'crash-once', ['state-projection'], true);

    expect(await answers(`${services.healthUrl('state-projection')}/health/ready`)).toBe(true);
    expect(lines).toContain('launcher: state-projection exited with code 1; restarting it in 1 s');
  });

  it('fails, naming the app, when an app exits and restarting is off', async () => {
    await expect(start(await fixtureRoot(['authorization']), 'crash', ['authorization'])).rejects.toThrow(
      /authorization .* exited with code 1/,
    );
    expect(lines).toContain('authorization: failing on purpose');
  });

  it('stops what it started and rejects when aborted before the apps are ready', async () => {
    const root = await fixtureRoot(['api']);
    const aborting = new AbortController();
    const starting = startServices({ FIXTURE_MODE: 'never-ready' }, ['api'], { root, output, signal: aborting.signal });
    await expect.poll(() => lines.some((line) => line.startsWith('api: listening on'))).toBe(true);
    const port = lines.find((line) => line.startsWith('api: listening on'))?.split(' ')[3];

    aborting.abort();

    await expect(starting).rejects.toThrow(/abort/i);
    expect(await answers(`http://127.0.0.1:${port}/api/health`)).toBe(false);
  });

  it('refuses to start apps that are not built', async () => {
    await expect(start(await fixtureRoot([]), 'ok', ['ocpp-gateway'])).rejects.toThrow(
      'dist/apps/ocpp-gateway/src/main.js missing: build first (npm run build).',
    );
  });
});
