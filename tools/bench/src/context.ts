import type { ScenarioName } from './cli';
import type { Figure } from './figures';
import type { AddressPool } from './load/load-fleet';
import type { ProcessSet } from './processes';
import type { Progress } from './progress';

/** What a scenario gets to run with; everything it starts is stopped by the runner afterwards. */
export interface ScenarioContext {
  scenario: ScenarioName;
  quick: boolean;
  root: string;
  natsUrl: string;
  /** The Postgres server (any database); a scenario makes a database of its own there. */
  postgresUrl: string;
  logDir: string;
  processes: ProcessSet;
  addresses: AddressPool;
  progress: Progress;
  /** Runs after the scenario, however it ends; the last registered runs first. */
  onCleanup(task: () => Promise<unknown>): void;
  /** Keeps a figure at once, so that a scenario failing later still reports what it measured. */
  record(figure: Figure): void;
  /** Keeps anything else worth comparing between runs (sizes, failure kinds …). */
  detail(key: string, value: unknown): void;
}

export interface Scenario {
  name: ScenarioName;
  run(context: ScenarioContext): Promise<void>;
}

export function step(context: ScenarioContext, text: string): void {
  context.progress.step(context.scenario, text);
}

export function status(context: ScenarioContext, text: string): void {
  context.progress.status(context.scenario, text);
}
