import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { findExecutable, freePort, spawnLogged, stopChild } from '@voltstream/launcher';
import { scrapeConfigFor } from '../../deploy/monitoring';
import { quietOutput } from './system';

/** A series of a query's answer: its labels, and its value (instant) or values (range) as Prometheus writes numbers. */
export interface Series {
  metric: Record<string, string>;
  value?: [number, string];
  values?: [number, string][];
}

/** Prometheus's HTTP API answer (/api/v1/...): data on success, errorType and error otherwise. */
export interface ApiAnswer<T> {
  status: 'success' | 'error';
  data?: T;
  errorType?: string;
  error?: string;
  warnings?: string[];
}

export interface PrometheusServer {
  url: string;
  /** GET /api/v1/<endpoint> with these parameters (each of `match[]` once). */
  get<T>(endpoint: string, parameters: Record<string, string | string[]>): Promise<ApiAnswer<T>>;
  /** An instant query (/api/v1/query), evaluated now. */
  query(expr: string): Promise<ApiAnswer<{ resultType: string; result: Series[] }>>;
  stop(): Promise<void>;
}

/**
 * Prometheus (`apt-get install prometheus`) in a temporary directory of its own, scraping with
 * deploy/prometheus/prometheus.yml as shipped, each pod's target moved to `targets[pod]` and every
 * `scrapeIntervalSeconds`.
 */
export async function startPrometheus(targets: Record<string, string>, scrapeIntervalSeconds: number): Promise<PrometheusServer> {
  const binary = await findExecutable('prometheus');
  if (!binary) throw new Error('prometheus is not installed (Debian: apt-get install prometheus)');
  const directory = await mkdtemp(join(tmpdir(), 'voltstream-prometheus-'));
  const configFile = join(directory, 'prometheus.yml');
  await writeFile(configFile, scrapeConfigFor(targets, scrapeIntervalSeconds));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawnLogged({
    name: 'prometheus',
    command: binary,
    args: [`--config.file=${configFile}`, `--storage.tsdb.path=${join(directory, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=error'],
    output: quietOutput,
  });
  const stop = async () => {
    await stopChild(child, 5000);
    await rm(directory, { recursive: true, force: true });
  };
  try {
    await vi.waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`prometheus exited with code ${child.exitCode}`);
      const ready = await fetch(`${url}/-/ready`).then(({ ok }) => ok, () => false);
      if (!ready) throw new Error(`prometheus is not ready on ${port} yet`);
    }, { timeout: 20_000, interval: 200 });
  } catch (error) {
    await stop();
    throw error;
  }
  const get: PrometheusServer['get'] = async (endpoint, parameters) => {
    const search = new URLSearchParams(Object.entries(parameters).flatMap(([name, values]) => [values].flat().map((value): [string, string] => [name, value])));
    return (await fetch(`${url}/api/v1/${endpoint}?${search}`)).json() as never;
  };
  return { url, get, query: (expr) => get('query', { query: expr }), stop };
}
