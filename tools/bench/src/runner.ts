import type { ScenarioName } from './cli';
import type { Scenario, ScenarioContext } from './context';
import type { Figure } from './figures';
import type { AddressPool } from './load/load-fleet';
import { ProcessSet } from './processes';
import type { Progress } from './progress';

export interface ScenarioReport {
  name: ScenarioName;
  status: 'ok' | 'failed';
  error?: string;
  durationMs: number;
  figures: Figure[];
  details: Record<string, unknown>;
}

export interface RunnerSettings {
  quick: boolean;
  root: string;
  natsUrl: string;
  postgresUrl: string;
  logDir: string;
  addresses: AddressPool;
  progress: Progress;
  /** Aborted on Ctrl-C: the scenario is given up and cleaned up. */
  signal: AbortSignal;
}

/** Longest a scenario may run before it is given up and cleaned up. */
const DEADLINE_MS = { quick: 5 * 60_000, full: 60 * 60_000 };
const CLEANUP_GRACE_MS = 60_000;

/** The scenario was given up on: its deadline passed or the run was interrupted. */
class GaveUpError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'GaveUpError';
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Rejects when the deadline passes or the signal aborts; never leaves a timer behind. */
function bounded<T>(work: Promise<T>, deadlineMs: number, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const giveUp = (reason: string) => () => {
      settle();
      reject(new GaveUpError(reason));
    };
    const onAbort = giveUp('interrupted');
    const timer = setTimeout(giveUp(`not done after ${deadlineMs / 60_000} min`), deadlineMs);
    const settle = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort);
    work.then(
      (value) => (settle(), resolve(value)),
      (error: unknown) => (settle(), reject(error)),
    );
  });
}

/** Runs one scenario and then, however it ended, stops what it started and removes what it created. */
export async function runScenario(scenario: Scenario, settings: RunnerSettings): Promise<ScenarioReport> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  const processes = new ProcessSet(settings.logDir);
  const context: ScenarioContext = {
    scenario: scenario.name,
    quick: settings.quick,
    root: settings.root,
    natsUrl: settings.natsUrl,
    postgresUrl: settings.postgresUrl,
    logDir: settings.logDir,
    processes,
    addresses: settings.addresses,
    progress: settings.progress,
    onCleanup: (task) => void cleanups.push(task),
    record: (figure) => void figures.push(figure),
    detail: (key, value) => void (details[key] = value),
  };
  const startedAt = Date.now();
  settings.progress.step(scenario.name, 'starting');
  const running = scenario.run(context);
  try {
    await bounded(running, DEADLINE_MS[settings.quick ? 'quick' : 'full'], settings.signal);
    settings.progress.step(scenario.name, `done in ${Math.round((Date.now() - startedAt) / 1000)} s`);
    return { name: scenario.name, status: 'ok', durationMs: Date.now() - startedAt, figures, details };
  } catch (error) {
    settings.progress.step(scenario.name, `FAILED: ${message(error)}`);
    if (error instanceof GaveUpError) {
      // Whatever the abandoned run still throws while it is being cleaned up is only worth a line.
      running.catch((late: unknown) => settings.progress.step(scenario.name, `after giving up: ${message(late)}`));
    }
    return { name: scenario.name, status: 'failed', error: message(error), durationMs: Date.now() - startedAt, figures, details };
  } finally {
    await cleanUp(scenario.name, processes, cleanups, settings.progress);
  }
}

async function cleanUp(name: string, processes: ProcessSet, cleanups: (() => Promise<unknown>)[], progress: Progress): Promise<void> {
  await processes.stopAll();
  for (const task of cleanups.reverse()) {
    await bounded(task(), CLEANUP_GRACE_MS, new AbortController().signal).catch((error: unknown) =>
      progress.step(name, `cleanup: ${message(error)}`),
    );
  }
}
