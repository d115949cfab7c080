import { join } from 'node:path';
import { vi } from 'vitest';
import { findExecutable, freePort, isPortFree, repoRoot, spawnLogged, stopChild } from '@voltstream/launcher';
import { quietOutput } from './system';

export interface Balancer {
  /** Base URL of the balanced WebSocket endpoint; a wallbox connects to `${ocppUrl}/${identity}`. */
  ocppUrl: string;
  stop(): Promise<void>;
}

/** The shipped configuration, run as it is: its addresses come from the environment. */
export const HAPROXY_CONFIG = join(repoRoot(), 'deploy', 'haproxy', 'haproxy.cfg');

/** HAProxy (`apt-get install haproxy`) from deploy/haproxy in front of three gateway ports. */
export async function startHaproxy(gatewayPorts: readonly number[]): Promise<Balancer> {
  const binary = await findExecutable('haproxy');
  if (!binary) throw new Error('haproxy is not installed (Debian: apt-get install haproxy)');
  const port = await freePort();
  const servers = Object.fromEntries(gatewayPorts.map((gatewayPort, index) => [`VS_GATEWAY_${index + 1}`, `127.0.0.1:${gatewayPort}`]));
  const child = spawnLogged({
    name: 'haproxy',
    command: binary,
    args: ['-db', '-f', HAPROXY_CONFIG],
    env: { ...process.env, VS_LISTEN: `127.0.0.1:${port}`, ...servers },
    output: quietOutput,
  });
  await vi.waitFor(async () => {
    if (child.exitCode !== null) throw new Error(`haproxy exited with code ${child.exitCode}`);
    if (await isPortFree(port)) throw new Error(`haproxy does not listen on ${port} yet`);
  }, { timeout: 10_000, interval: 100 });
  return { ocppUrl: `ws://127.0.0.1:${port}/ocpp`, stop: () => stopChild(child, 5000) };
}
