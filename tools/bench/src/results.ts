import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { BenchOptions } from './cli';
import type { MachineInfo, Versions } from './machine';
import type { ScenarioReport } from './runner';

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  quick: boolean;
  machine: MachineInfo;
  versions: Versions;
  scenarios: ScenarioReport[];
}

export function buildResults(
  options: BenchOptions,
  startedAt: Date,
  finishedAt: Date,
  machine: MachineInfo,
  versions: Versions,
  scenarios: ScenarioReport[],
): BenchResults {
  return { startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(), quick: options.quick, machine, versions, scenarios };
}

export async function writeResults(file: string, results: BenchResults): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
}
