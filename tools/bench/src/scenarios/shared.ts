import { status, type ScenarioContext } from '../context';
import { LoadFleet, type ConnectOutcome } from '../load/load-fleet';
import { benchNamespace, removeNamespace } from '../namespace';
import type { FleetSpec } from '../load/plan';
import type { WorkerCounters } from '../load/protocol';
import { residentBytes } from '../processes';
import { formatNumber } from '../table';

/** How long connecting may take: generous, but bounded. */
export function connectTimeoutMs(wallboxes: number): number {
  return Math.max(60_000, wallboxes * 10);
}

export function describeCounters(counters: WorkerCounters): string {
  const failed = counters.failed + counters.heartbeatFailures;
  const parts = [`${formatNumber(counters.online)}/${formatNumber(counters.total)} online`, `${formatNumber(counters.accepted)} booted`];
  if (counters.heartbeats > 0) parts.push(`${formatNumber(counters.heartbeats)} heartbeats`);
  parts.push(`${formatNumber(failed)} failed`);
  return parts.join(', ');
}

/** Starts load workers for `spec` and connects and boots their wallboxes, with progress on the terminal. */
export async function connectFleet(context: ScenarioContext, label: string, spec: FleetSpec): Promise<{ fleet: LoadFleet; outcome: ConnectOutcome }> {
  const fleet = LoadFleet.start(context.processes, label, spec, context.addresses);
  context.onCleanup(() => fleet.stop());
  const outcome = await fleet.connect(connectTimeoutMs(spec.count), (counters) => status(context, `${label}: ${describeCounters(counters)}`));
  return { fleet, outcome };
}

/** The summed resident memory of processes, in bytes; null when one of them cannot be read. */
export async function residentOf(pids: readonly number[]): Promise<number | null> {
  if (pids.length === 0) return null;
  const sizes = await Promise.all(pids.map(residentBytes));
  return sizes.some((size) => size === null) ? null : sizes.reduce<number>((total, size) => total + (size ?? 0), 0);
}

/** The share of a whole, for a worker's part of a rate or a count. */
export function shareOf(total: number, share: number): number {
  return Math.max(1, Math.round(total * share));
}

/** A namespace of the scenario's own; its streams and database are removed when the scenario ends. */
export function ownNamespace(context: ScenarioContext, purpose: string = context.scenario): string {
  const namespace = benchNamespace(purpose);
  context.onCleanup(() => removeNamespace(context.natsUrl, context.postgresUrl, namespace));
  return namespace;
}
