import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { findExecutable, freePorts, probeNats, spawnLogged, stopChild, type Output } from '@voltstream/launcher';
import { quietOutput } from './system';

interface Node {
  name: string;
  port: number;
  monitorPort: number;
  config: string;
  child: ChildProcess | undefined;
}

/** One node's configuration: client port, JetStream store of its own, routes to every node. */
function nodeConfig(node: Node, clusterPort: number, routePorts: number[], storeDir: string): string {
  return [
    `server_name: ${node.name}`,
    `listen: 127.0.0.1:${node.port}`,
    `http: 127.0.0.1:${node.monitorPort}`,
    `jetstream { store_dir: "${storeDir}" }`,
    'cluster {',
    '  name: voltstream-test',
    `  listen: 127.0.0.1:${clusterPort}`,
    `  routes: [${routePorts.map((port) => `nats-route://127.0.0.1:${port}`).join(', ')}]`,
    '}',
    '',
  ].join('\n');
}

/** nats-server writes every line to stderr: only its errors matter, not the routes to a node killed on purpose. */
const errorsOnly: Output = (source, line) => {
  if (/\[(ERR|FTL)\]/.test(line) && !line.includes('Error trying to connect to route')) quietOutput(source, line, 'stderr');
};

/** A node is ready when JetStream answers and it sees a leader of the cluster's metadata and every peer. */
async function assertClustered(node: Node, size: number): Promise<void> {
  if ((await probeNats(`nats://127.0.0.1:${node.port}`)) !== 'jetstream') throw new Error(`${node.name} has no JetStream yet`);
  const response = await fetch(`http://127.0.0.1:${node.monitorPort}/jsz`);
  const { meta_cluster: meta } = (await response.json()) as { meta_cluster?: { leader?: string; cluster_size?: number } };
  if (!meta?.leader || meta.cluster_size !== size) throw new Error(`${node.name} sees no complete JetStream cluster yet`);
}

/**
 * A JetStream cluster of nats-server processes (the binary from the PATH or /usr/sbin) on free
 * ports, each with its store under a temporary directory removed on stop.
 */
export class NatsCluster {
  private constructor(
    private readonly binary: string,
    private readonly dir: string,
    private readonly nodes: Node[],
  ) {}

  static async start(size: number): Promise<NatsCluster> {
    const binary = await findExecutable('nats-server');
    if (!binary) throw new Error('nats-server is not installed (Debian: apt-get install nats-server)');
    const dir = await mkdtemp(join(tmpdir(), 'voltstream-nats-cluster-'));
    const ports = await freePorts(3 * size);
    const routePorts = ports.slice(size, 2 * size);
    const nodes: Node[] = ports.slice(0, size).map((port, index) => ({
      name: `n${index + 1}`,
      port,
      monitorPort: ports[2 * size + index],
      config: join(dir, `n${index + 1}.conf`),
      child: undefined,
    }));
    for (const [index, node] of nodes.entries()) {
      const storeDir = join(dir, node.name);
      await mkdir(storeDir);
      await writeFile(node.config, nodeConfig(node, routePorts[index], routePorts, storeDir));
    }
    const cluster = new NatsCluster(binary, dir, nodes);
    nodes.forEach((_, index) => cluster.launch(index));
    await vi.waitFor(
      async () => {
        for (const node of nodes) await assertClustered(node, size);
      },
      { timeout: 30_000, interval: 250 },
    );
    return cluster;
  }

  /** Every node, as NATS_URL lists them: a client reconnects to another when its node goes. */
  get url(): string {
    return this.nodes.map((node) => `nats://127.0.0.1:${node.port}`).join(',');
  }

  indexOf(serverName: string): number {
    return this.nodes.findIndex((node) => node.name === serverName);
  }

  /** SIGKILL: the node is gone without a goodbye, as on a machine loss. */
  async kill(index: number): Promise<void> {
    const child = this.nodes[index].child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((node) => (node.child ? stopChild(node.child, 10_000) : undefined)));
    await rm(this.dir, { recursive: true, force: true });
  }

  private launch(index: number): void {
    const node = this.nodes[index];
    node.child = spawnLogged({ name: `nats ${node.name}`, command: this.binary, args: ['-c', node.config], output: errorsOnly });
  }
}
