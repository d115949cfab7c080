export const SCENARIO_NAMES = ['connections', 'throughput', 'authorize', 'projection', 'storm', 'dashboard'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export interface BenchOptions {
  quick: boolean;
  scenarios: ScenarioName[];
  /** Where the JSON of every figure is written. */
  out: string;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\nusage: npm run bench -- [--quick] [--only ${SCENARIO_NAMES.join(',')}] [--out file.json]`);
    this.name = 'UsageError';
  }
}

function isScenarioName(name: string): name is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(name);
}

function parseOnly(value: string | undefined): ScenarioName[] {
  if (!value) throw new UsageError('--only needs a comma-separated list of scenarios');
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !isScenarioName(name));
  if (unknown.length > 0) throw new UsageError(`unknown scenario ${unknown.join(', ')}`);
  // Always in the documented order, whatever the order given.
  return SCENARIO_NAMES.filter((name) => names.includes(name));
}

/** `bench-results/2025-11-24T08-10-00.000Z.json`: sortable, and free of characters file systems refuse. */
export function defaultOutFile(now: Date): string {
  return `bench-results/${now.toISOString().replace(/:/g, '-')}.json`;
}

export function parseArgs(argv: readonly string[], now: Date): BenchOptions {
  const options: BenchOptions = { quick: false, scenarios: [...SCENARIO_NAMES], out: defaultOutFile(now) };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    const [flag, inlineValue] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => inlineValue ?? argv[++index];
    if (flag === '--quick') options.quick = true;
    else if (flag === '--only') options.scenarios = parseOnly(value());
    else if (flag === '--out') options.out = value() ?? '';
    else throw new UsageError(`unknown argument ${arg}`);
  }
  if (!options.out) throw new UsageError('--out needs a file name');
  return options;
}
