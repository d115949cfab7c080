/**
 * A load generator process: holds up to ~15,000 simulated wallboxes (a process may open at most
 * 20,000 files) and runs the load the benchmark asks for over IPC, reporting counters back.
 */
import { Fleet, type SimulatedChargePoint } from '@voltstream/simulator';
import { reportFailure, tellParent } from './ipc';
import { BootTracker } from './load/boot-tracker';
import type { FromWorker, LoadResult, LoadTask, ToWorker, WorkerCounters, WorkerPlan } from './load/protocol';
import { failureKind } from './load/recorder';
import { authorizeLoad, meterValuesLoad, natsRequestLoad, transactionsLoad } from './load/tasks';

const PROGRESS_INTERVAL_MS = 1000;
const HEARTBEAT_CONCURRENCY = 200;

let fleet: Fleet | undefined;
const tracker = new BootTracker();
const heartbeats = { answered: 0, failed: 0 };

function send(message: FromWorker): void {
  tellParent(message);
}

function counters(): WorkerCounters {
  const stats = fleet?.stats();
  return {
    total: stats?.total ?? 0,
    online: stats?.connected ?? 0,
    accepted: stats?.accepted ?? 0,
    failed: stats?.failed ?? 0,
    heartbeats: heartbeats.answered,
    heartbeatFailures: heartbeats.failed,
    bootedSinceMark: tracker.booted,
    bootFailuresSinceMark: tracker.failures,
    lastBootAt: tracker.lastBootAt,
    lastFailure: fleet?.lastFailure?.message ?? tracker.lastFailure,
  };
}

function operating(): SimulatedChargePoint[] {
  return (fleet?.chargePoints ?? []).filter((cp) => cp.online && cp.registrationStatus === 'Accepted');
}

async function heartbeatAll(chargePoints: readonly SimulatedChargePoint[]): Promise<void> {
  let next = 0;
  const beat = async () => {
    while (next < chargePoints.length) {
      const cp = chargePoints[next++];
      await cp.heartbeat().then(
        () => heartbeats.answered++,
        (error: unknown) => {
          heartbeats.failed++;
          tracker.lastFailure = `${cp.identity}: heartbeat ${failureKind(error)}`;
        },
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(HEARTBEAT_CONCURRENCY, chargePoints.length) }, beat));
}

async function connectFleet(plan: WorkerPlan): Promise<void> {
  if (fleet) throw new Error('this worker already holds a fleet');
  fleet = new Fleet({
    url: plan.url,
    count: plan.count,
    connectors: plan.connectors,
    identityPrefix: plan.identityPrefix,
    concurrency: plan.concurrency,
    localAddresses: plan.localAddresses,
    chargePoint: { autoReconnect: plan.autoReconnect, callTimeoutMs: plan.callTimeoutMs },
  });
  fleet.chargePoints.forEach((cp) => tracker.watch(cp));
  const progress = setInterval(() => send({ kind: 'counters', counters: counters() }), PROGRESS_INTERVAL_MS);
  try {
    await fleet.start();
    if (plan.heartbeat) await heartbeatAll(operating());
  } finally {
    clearInterval(progress);
  }
  const bootLatencies = fleet.chargePoints.flatMap((cp) => (cp.lastBootLatencyMs === undefined ? [] : [cp.lastBootLatencyMs]));
  send({ kind: 'connected', counters: counters(), bootLatencies });
}

function runTask(task: LoadTask): Promise<LoadResult> {
  switch (task.type) {
    case 'meterValues':
      return meterValuesLoad(operating(), task);
    case 'authorize':
      return authorizeLoad(operating(), task);
    case 'natsRequests':
      return natsRequestLoad(task);
    case 'transactions':
      return transactionsLoad(operating(), task);
    default: {
      const unknown: never = task;
      throw new Error(`unknown task ${JSON.stringify(unknown)}`);
    }
  }
}

async function handle(message: ToWorker): Promise<void> {
  switch (message.kind) {
    case 'connect':
      return connectFleet(message.plan);
    case 'counters':
      return send({ kind: 'counters', counters: counters() });
    case 'mark':
      tracker.mark();
      return send({ kind: 'marked' });
    case 'run':
      return send({ kind: 'ran', result: await runTask(message.task) });
    default: {
      const unknown: never = message;
      throw new Error(`unknown message ${JSON.stringify(unknown)}`);
    }
  }
}

async function shutDown(): Promise<void> {
  await fleet?.stop();
  process.exit(0);
}

process.on('message', (message: ToWorker) => {
  handle(message).catch(reportFailure);
});
process.once('SIGTERM', () => void shutDown());
process.once('disconnect', () => void shutDown());
