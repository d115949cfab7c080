import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import { parseAllDocuments } from 'yaml';

/** The model class of every kind the manifests may hold, by `apiVersion/kind`. */
export const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
};

export interface Manifest {
  file: string;
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

export interface Workload extends Manifest {
  spec: { replicas?: number; serviceName?: string; selector: { matchLabels: Record<string, string> }; template: IPodTemplateSpec };
}

export function loadManifests(folder: string): Manifest[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
    .flatMap((file) =>
      parseAllDocuments(readFileSync(join(folder, file), 'utf8'))
        .map((document) => document.toJS() as Omit<Manifest, 'file'> | null)
        .filter((manifest) => manifest !== null)
        .map((manifest) => ({ ...manifest, file })),
    );
}

export function ofKind<T extends Manifest = Manifest>(manifests: Manifest[], kind: string): T[] {
  return manifests.filter((manifest) => manifest.kind === kind) as T[];
}

export function containersOf(workload: Workload): IContainer[] {
  return workload.spec.template.spec?.containers ?? [];
}

/** Whether every label of the selector is on the pods. */
export function selects(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  return Object.entries(selector).every(([key, value]) => labels?.[key] === value);
}

/** The environment a container sees: its ConfigMaps and Secrets, then its own `env`. */
export function containerEnv(container: IContainer, manifests: Manifest[]): Record<string, string> {
  const sources = (container.envFrom ?? []).map((source) => {
    const name = source.configMapRef?.name ?? source.secretRef?.name;
    const manifest = manifests.find((candidate) => ['ConfigMap', 'Secret'].includes(candidate.kind) && candidate.metadata.name === name);
    return { ...manifest?.data, ...manifest?.stringData };
  });
  const own = Object.fromEntries((container.env ?? []).filter((variable) => variable.value !== undefined).map((variable) => [variable.name, variable.value as string]));
  return Object.assign({}, ...sources, own);
}

/** A probe's or Service's port as a number: named ports are looked up in the container. */
export function portNumber(port: number | string | undefined, container: IContainer): number | undefined {
  if (typeof port === 'number') return port;
  return container.ports?.find((candidate) => candidate.name === port)?.containerPort;
}
