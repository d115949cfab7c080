import type { LoadResult, WorkerCounters, WorkerPlan } from './protocol';
import { mergeSamples } from '../stats';

/** Sockets per load worker process; a process may open at most 20,000 files. */
export const MAX_SOCKETS_PER_WORKER = 15_000;
/**
 * Sockets per source address. A socket bound to a source address takes an ephemeral port of
 * that address whatever its destination (~28,000 on Linux, TIME_WAIT included), so the load is
 * spread over 127.0.0.2, 127.0.0.3, … (Linux routes all of 127/8 to the loopback).
 */
export const MAX_SOCKETS_PER_ADDRESS = 5_000;
const MAX_SAMPLES = 200_000;

export interface FleetSpec {
  /** One URL per gateway process (or baseline server); wallboxes are shared evenly among them. */
  urls: readonly string[];
  count: number;
  identityPrefix: string;
  connectors?: number;
  concurrency?: number;
  autoReconnect?: boolean;
  heartbeat?: boolean;
  callTimeoutMs?: number;
  maxPerWorker?: number;
  perAddress?: number;
}

/** The n-th loopback source address, from 127.0.0.2 on (127.0.0.1 is the servers'). */
export function loopbackAddress(index: number): string {
  const n = index + 2;
  if (!Number.isInteger(index) || index < 0 || n >= 2 ** 24) throw new RangeError(`no loopback address number ${index}`);
  return `127.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/** `total` split into `parts` integers that differ by at most one. */
export function evenSplit(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, index) => Math.floor(total / parts) + (index < total % parts ? 1 : 0));
}

/**
 * Which worker holds how many wallboxes of which URL, from which source addresses; each worker
 * gets addresses of its own, numbered from `firstAddress`.
 */
export function planWorkers(spec: FleetSpec, firstAddress: number): WorkerPlan[] {
  const maxPerWorker = spec.maxPerWorker ?? MAX_SOCKETS_PER_WORKER;
  const perAddress = spec.perAddress ?? MAX_SOCKETS_PER_ADDRESS;
  let nextAddress = firstAddress;
  const plans: WorkerPlan[] = [];
  evenSplit(spec.count, spec.urls.length).forEach((countOfUrl, urlIndex) => {
    const workers = Math.ceil(countOfUrl / maxPerWorker);
    for (const count of evenSplit(countOfUrl, workers)) {
      const addresses = Math.max(1, Math.ceil(count / perAddress));
      const localAddresses = Array.from({ length: addresses }, (_, offset) => loopbackAddress(nextAddress + offset));
      nextAddress += addresses;
      plans.push({
        url: spec.urls[urlIndex],
        identityPrefix: `${spec.identityPrefix}${plans.length}-`,
        count,
        connectors: spec.connectors ?? 1,
        concurrency: spec.concurrency ?? 100,
        localAddresses,
        autoReconnect: spec.autoReconnect ?? false,
        heartbeat: spec.heartbeat ?? false,
        callTimeoutMs: spec.callTimeoutMs ?? 30_000,
      });
    }
  });
  return plans;
}

/** The counters of every worker as one. */
export function sumCounters(all: readonly WorkerCounters[]): WorkerCounters {
  const sum = (pick: (counters: WorkerCounters) => number) => all.reduce((total, counters) => total + pick(counters), 0);
  return {
    total: sum((c) => c.total),
    online: sum((c) => c.online),
    accepted: sum((c) => c.accepted),
    failed: sum((c) => c.failed),
    heartbeats: sum((c) => c.heartbeats),
    heartbeatFailures: sum((c) => c.heartbeatFailures),
    bootedSinceMark: sum((c) => c.bootedSinceMark),
    bootFailuresSinceMark: sum((c) => c.bootFailuresSinceMark),
    lastBootAt: Math.max(0, ...all.map((c) => c.lastBootAt)),
    lastFailure: all.find((c) => c.lastFailure !== undefined)?.lastFailure,
  };
}

/** The results of every worker's part of a load as one; the duration is the longest part's. */
export function mergeResults(all: readonly LoadResult[]): LoadResult {
  const failures: Record<string, number> = {};
  for (const result of all) {
    for (const [kind, count] of Object.entries(result.failures)) failures[kind] = (failures[kind] ?? 0) + count;
  }
  return {
    answered: all.reduce((total, result) => total + result.answered, 0),
    failed: all.reduce((total, result) => total + result.failed, 0),
    failures,
    latencies: {
      samples: mergeSamples(all.map((result) => result.latencies), MAX_SAMPLES),
      seen: all.reduce((total, result) => total + result.latencies.seen, 0),
    },
    durationMs: Math.max(0, ...all.map((result) => result.durationMs)),
  };
}
