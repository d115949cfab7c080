/**
 * `npm run bench [-- --quick] [--only connections,throughput,…] [--out file.json]`: runs each
 * scenario against Voltstream and a baseline in the same run and reports the ratios
 * (docs/performance.md).
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs, UsageError } from './cli';
import { AddressPool } from './load/load-fleet';
import { machineInfo, versions } from './machine';
import { Progress } from './progress';
import { buildResults, writeResults } from './results';
import { runScenario, type ScenarioReport } from './runner';
import { SCENARIOS } from './scenarios';
import { formatTable } from './table';

/** This file runs as dist/tools/bench/src/main.js. */
const REPOSITORY_ROOT = resolve(__dirname, '..', '..', '..', '..');
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function main(): Promise<number> {
  const startedAt = new Date();
  const options = parseArgs(process.argv.slice(2), startedAt);
  const root = REPOSITORY_ROOT;
  const out = resolve(root, options.out);
  const logDir = join(root, 'bench-results', 'logs', startedAt.toISOString().replace(/:/g, '-'));
  await mkdir(logDir, { recursive: true });
  const progress = new Progress();
  const interrupt = new AbortController();
  process.once('SIGINT', () => interrupt.abort());
  process.once('SIGTERM', () => interrupt.abort());
  const machine = machineInfo();
  progress.step('bench', `${options.quick ? 'quick' : 'full'} run of ${options.scenarios.join(', ')} on ${machine.cpuCount} cores; logs in ${logDir}`);
  const settings = { quick: options.quick, root, natsUrl: NATS_URL, postgresUrl: POSTGRES_URL, logDir, addresses: new AddressPool(), progress, signal: interrupt.signal };
  const reports: ScenarioReport[] = [];
  for (const name of options.scenarios) {
    if (interrupt.signal.aborted) break;
    reports.push(await runScenario(SCENARIOS[name], settings));
  }
  const results = buildResults(options, startedAt, new Date(), machine, await versions(root, NATS_URL, POSTGRES_URL), reports);
  await writeResults(out, results);
  process.stdout.write(`\n${formatTable(reports.flatMap((report) => report.figures))}\n\n`);
  for (const report of reports.filter((r) => r.status === 'failed')) {
    process.stdout.write(`${report.name} FAILED: ${report.error} (the processes' output is in ${logDir})\n`);
  }
  if (options.quick) process.stdout.write('Quick run: sizes far below the targets; it proves the benchmark works, its figures prove nothing.\n');
  process.stdout.write(`Every figure: ${out}\n`);
  return reports.every((report) => report.status === 'ok') && !interrupt.signal.aborted ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof UsageError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
