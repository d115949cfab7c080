import { join } from 'node:path';
import { request } from '../ipc';
import type { BenchProcess, ProcessSet } from '../processes';
import { mergeResults, planWorkers, sumCounters, type FleetSpec } from './plan';
import type { FromWorker, LoadResult, LoadTask, WorkerCounters, WorkerPlan } from './protocol';

const WORKER_SCRIPT = join(__dirname, '..', 'load-worker.js');
// A worker busy with thousands of reconnecting wallboxes may answer late; that is not a failure.
const COUNTERS_TIMEOUT_MS = 60_000;

/** Hands out loopback source addresses, never the same twice in a run (TIME_WAIT holds ports). */
export class AddressPool {
  /** The number of the next address not handed out yet. */
  next = 0;

  consume(count: number): void {
    this.next += count;
  }
}

export interface ConnectOutcome {
  counters: WorkerCounters;
  bootLatencies: number[];
}

/** Simulated wallboxes spread over load worker processes; the parent's handle on them. */
export class LoadFleet {
  private constructor(
    /** A worker without a plan holds no wallboxes (it only sends NATS requests). */
    private readonly workers: { process: BenchProcess; plan?: WorkerPlan }[],
    private readonly processes: ProcessSet,
  ) {}

  static start(processes: ProcessSet, name: string, spec: FleetSpec, addresses: AddressPool): LoadFleet {
    const plans = planWorkers(spec, addresses.next);
    addresses.consume(plans.reduce((total, plan) => total + plan.localAddresses.length, 0));
    const workers = plans.map((plan, index) => ({ process: processes.fork(`${name}-load-${index}`, WORKER_SCRIPT), plan }));
    return new LoadFleet(workers, processes);
  }

  /** A fleet of no wallboxes: one worker that only sends NATS requests. */
  static requester(processes: ProcessSet, name: string): LoadFleet {
    return new LoadFleet([{ process: processes.fork(`${name}-load-0`, WORKER_SCRIPT) }], processes);
  }

  get size(): number {
    return this.workers.reduce((total, worker) => total + (worker.plan?.count ?? 0), 0);
  }

  /** Connects and boots every wallbox; `onProgress` gets the summed counters about every second. */
  async connect(timeoutMs: number, onProgress: (counters: WorkerCounters) => void): Promise<ConnectOutcome> {
    const latest = new Map<number, WorkerCounters>();
    const listeners = this.workers.map((worker, index) => {
      const listener = (message: FromWorker) => {
        if (message.kind !== 'counters') return;
        latest.set(index, message.counters);
        onProgress(sumCounters([...latest.values()]));
      };
      worker.process.child.on('message', listener);
      return () => worker.process.child.off('message', listener);
    });
    try {
      const outcomes = await Promise.all(
        this.workers.map(({ process, plan }) => {
          if (!plan) throw new Error(`${process.name} holds no wallboxes`);
          return request<FromWorker, 'connected'>(process.child, process.name, { kind: 'connect', plan }, 'connected', timeoutMs);
        }),
      );
      return { counters: sumCounters(outcomes.map((o) => o.counters)), bootLatencies: outcomes.flatMap((o) => o.bootLatencies) };
    } finally {
      listeners.forEach((stopListening) => stopListening());
    }
  }

  async counters(): Promise<WorkerCounters> {
    const all = await Promise.all(
      this.workers.map((worker) =>
        request<FromWorker, 'counters'>(worker.process.child, worker.process.name, { kind: 'counters' }, 'counters', COUNTERS_TIMEOUT_MS),
      ),
    );
    return sumCounters(all.map((answer) => answer.counters));
  }

  /** From now on, `bootedSinceMark` counts the wallboxes that boot again. */
  async mark(): Promise<void> {
    await Promise.all(
      this.workers.map((worker) => request<FromWorker, 'marked'>(worker.process.child, worker.process.name, { kind: 'mark' }, 'marked', COUNTERS_TIMEOUT_MS)),
    );
  }

  /** Runs a load on every worker; `taskFor` gets each worker's share of the wallboxes (0…1). */
  async run(taskFor: (share: number) => LoadTask, timeoutMs: number): Promise<LoadResult> {
    const total = Math.max(1, this.size);
    const results = await Promise.all(
      this.workers.map((worker) => {
        const share = this.size === 0 ? 1 / this.workers.length : (worker.plan?.count ?? 0) / total;
        return request<FromWorker, 'ran'>(worker.process.child, worker.process.name, { kind: 'run', task: taskFor(share) }, 'ran', timeoutMs);
      }),
    );
    return mergeResults(results.map((answer) => answer.result));
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((worker) => this.processes.stop(worker.process, 15_000)));
  }
}
