import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findExecutable } from '@voltstream/launcher';
import { containerEnv, containersOf, loadManifests, ofKind, type Manifest, type Workload } from './manifests';

const root = resolve(__dirname, '../..');
const run = promisify(execFile);

describe('k8s: a platform to run Voltstream on', () => {
  const manifests = loadManifests(join(root, 'k8s'));
  const workload = (name: string) => [...ofKind<Workload>(manifests, 'StatefulSet'), ...ofKind<Workload>(manifests, 'Deployment')].find((w) => w.metadata.name === name) as Workload;
  const config = manifests.find((manifest) => manifest.kind === 'ConfigMap' && manifest.metadata.name === 'voltstream-config')?.data ?? {};

  it('run NATS as a three-node JetStream cluster whose routes name every pod, with every stream at three replicas', () => {
    const nats = workload('nats');
    expect(nats.spec.replicas).toBe(3);
    const natsConf = manifests.find((manifest) => manifest.kind === 'ConfigMap' && manifest.metadata.name === 'nats-config')?.data?.['nats.conf'] ?? '';
    for (const pod of ['nats-0', 'nats-1', 'nats-2']) expect(natsConf).toContain(`nats-route://${pod}.${nats.spec.serviceName}.voltstream.svc.cluster.local:6222`);
    expect(natsConf).toMatch(/jetstream \{\s*store_dir: \/data/);
    expect(config.NATS_REPLICAS).toBe('3');
    expect(config.NATS_URL.split(',')).toHaveLength(3);
  });

  it('give the gateway pods more time to stop than their drain window and its preStop pause', () => {
    const gateway = workload('ocpp-gateway');
    const [container] = containersOf(gateway);
    const drainSeconds = Number(containerEnv(container, manifests).GATEWAY_DRAIN_SECONDS);
    const preStopSeconds = Number(container.lifecycle?.preStop?.exec?.command?.at(-1) ?? 0);
    expect(drainSeconds).toBeGreaterThan(0);
    expect(gateway.spec.template.spec?.terminationGracePeriodSeconds).toBeGreaterThan(preStopSeconds + drainSeconds);
  });

  it('scale the gateway on connected wallboxes per pod and the api on CPU, each a Deployment that exists', () => {
    const autoscalers = ofKind<Manifest & { spec: { scaleTargetRef: { kind: string; name: string }; metrics: unknown[] } }>(manifests, 'HorizontalPodAutoscaler');
    const target = (name: string) => autoscalers.find((hpa) => hpa.spec.scaleTargetRef.name === name);
    for (const hpa of autoscalers) expect(workload(hpa.spec.scaleTargetRef.name)?.kind).toBe(hpa.spec.scaleTargetRef.kind);
    expect(target('ocpp-gateway')?.spec.metrics).toEqual([
      expect.objectContaining({ type: 'Pods', pods: expect.objectContaining({ metric: { name: 'voltstream_gateway_connected_wallboxes' } }) }),
    ]);
    expect(target('api')?.spec.metrics).toEqual([expect.objectContaining({ type: 'Resource', resource: expect.objectContaining({ name: 'cpu' }) })]);
  });

  // kubernetes-models knows no custom resources: the ServiceMonitor is checked against the part of
  // the Prometheus Operator's CRD schema it uses.
  it('have a ServiceMonitor (k8s/monitoring) that selects the Voltstream Services and scrapes /metrics, keeping their own `service` label', () => {
    const monitors = loadManifests(join(root, 'k8s', 'monitoring'));
    const serviceMonitorSchema = {
      type: 'object',
      required: ['apiVersion', 'kind', 'metadata', 'spec'],
      properties: {
        apiVersion: { const: 'monitoring.coreos.com/v1' },
        kind: { const: 'ServiceMonitor' },
        metadata: { type: 'object', required: ['name', 'namespace'] },
        spec: {
          type: 'object',
          required: ['selector', 'endpoints'],
          additionalProperties: false,
          properties: {
            selector: { type: 'object', properties: { matchLabels: { type: 'object', additionalProperties: { type: 'string' } } } },
            namespaceSelector: { type: 'object', properties: { matchNames: { type: 'array', items: { type: 'string' } } } },
            endpoints: {
              type: 'array',
              minItems: 1,
              items: {
                type: 'object',
                additionalProperties: false,
                properties: { port: { type: 'string' }, path: { type: 'string' }, interval: { type: 'string', pattern: '^\\d+[smh]$' }, honorLabels: { type: 'boolean' } },
              },
            },
          },
        },
      },
    };
    const validate = new Ajv({ allErrors: true, strict: false }).compile(serviceMonitorSchema);
    expect(monitors.map((monitor) => monitor.kind)).toEqual(['ServiceMonitor']);
    const { file, ...monitor } = monitors[0];
    expect(validate(monitor), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    expect(monitor.spec).toMatchObject({ selector: { matchLabels: { 'app.kubernetes.io/part-of': 'voltstream' } }, endpoints: [{ path: '/metrics', honorLabels: true }] });
  });
});

describe('docker-compose.yml: the optional three-node NATS cluster', () => {
  interface Service {
    profiles?: string[];
    command?: string[];
    volumes?: string[];
  }
  const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };
  const nodes = Object.entries(compose.services).filter(([name]) => /^nats-\d$/.test(name));

  it('runs three JetStream nodes under the "cluster" profile only, each routed to all, each on its own volume', () => {
    expect(nodes.map(([name]) => name)).toEqual(['nats-1', 'nats-2', 'nats-3']);
    for (const [name, node] of nodes) {
      expect(node.profiles, name).toEqual(['cluster']);
      expect(node.command, name).toEqual(expect.arrayContaining(['-js', '-n', name]));
      const routes = node.command?.[node.command.indexOf('--routes') + 1] ?? '';
      expect(routes.split(','), name).toEqual(nodes.map(([other]) => `nats-route://${other}:6222`));
      expect(node.volumes, name).toEqual([`${name}-data:/data`]);
    }
  });
});

describe('load balancer configurations in deploy/', () => {
  it('haproxy accepts deploy/haproxy/haproxy.cfg, which tunnels WebSockets and checks /health/ready', async () => {
    const haproxy = await findExecutable('haproxy');
    expect(haproxy, 'haproxy is installed (apt-get install haproxy)').toBeDefined();
    const file = join(root, 'deploy', 'haproxy', 'haproxy.cfg');
    const env = { ...process.env, VS_LISTEN: '127.0.0.1:9000', VS_GATEWAY_1: '127.0.0.1:9001', VS_GATEWAY_2: '127.0.0.1:9002', VS_GATEWAY_3: '127.0.0.1:9003' };
    await expect(run(haproxy as string, ['-c', '-f', file], { env })).resolves.toMatchObject({ stdout: expect.stringContaining('valid') });
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^\s*timeout tunnel \d+m$/m);
    expect(text).toMatch(/^\s*option httpchk GET \/health\/ready$/m);
    expect(text).not.toMatch(/^[^#\n]*shutdown-sessions/m);
  });

  it('nginx accepts deploy/nginx/nginx.conf (nginx -t), which upgrades WebSockets with long read timeouts', async () => {
    const nginx = await findExecutable('nginx');
    expect(nginx, 'nginx is installed (apt-get install nginx)').toBeDefined();
    const file = join(root, 'deploy', 'nginx', 'nginx.conf');
    const prefix = await mkdtemp(join(tmpdir(), 'voltstream-nginx-'));
    try {
      const { stderr } = await run(nginx as string, ['-t', '-p', prefix, '-c', file]);
      expect(stderr).toContain('test is successful');
    } finally {
      await rm(prefix, { recursive: true, force: true });
    }
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('proxy_set_header Upgrade $http_upgrade;');
    expect(text).toMatch(/proxy_read_timeout \d+m;/);
  });
});
