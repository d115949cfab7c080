import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { connect, JSONCodec } from 'nats';
import type { SimulatedChargePoint } from '@voltstream/simulator';
import { atFixedRate, inClosedLoop } from './pacing';
import type { LoadResult, LoadTask } from './protocol';
import { CallRecorder, failureKind } from './recorder';

type Task<T extends LoadTask['type']> = Extract<LoadTask, { type: T }>;

const METER_CONNECTOR = 1;
const API_POLL_INTERVAL_MS = 10;

function nextReading(cp: SimulatedChargePoint): number {
  return cp.meterOf(METER_CONNECTOR) + 10;
}

/** MeterValues, closed loop or at a fixed rate; counts the answers inside the measuring window. */
export async function meterValuesLoad(chargePoints: readonly SimulatedChargePoint[], task: Task<'meterValues'>): Promise<LoadResult> {
  const recorder = new CallRecorder();
  const inWindow = (at: number) => at >= task.measureFrom && at <= task.measureUntil;
  const send = async (cp: SimulatedChargePoint, startedAt: number, countIt: boolean): Promise<boolean> => {
    try {
      await cp.meterValues(METER_CONNECTOR, nextReading(cp));
      if (countIt && inWindow(Date.now())) recorder.succeed(performance.now() - startedAt);
    } catch (error) {
      if (countIt && inWindow(Date.now())) recorder.fail(failureKind(error));
    }
    return cp.online;
  };
  if (task.ratePerSecond === undefined) {
    await inClosedLoop(chargePoints, task.measureUntil, (cp) => send(cp, performance.now(), true));
  } else {
    const measureFromPerf = performance.now() + (task.measureFrom - Date.now());
    const fire = (index: number, dueAt: number) =>
      send(chargePoints[index % chargePoints.length], dueAt, dueAt >= measureFromPerf).then(() => undefined);
    await atFixedRate({ ratePerSecond: task.ratePerSecond, until: task.measureUntil }, fire);
  }
  return recorder.result(task.measureUntil - task.measureFrom);
}

/** Authorize at a fixed rate, round-robin over the wallboxes; a tag not Accepted counts as a failure. */
export async function authorizeLoad(chargePoints: readonly SimulatedChargePoint[], task: Task<'authorize'>): Promise<LoadResult> {
  const recorder = new CallRecorder();
  const startedAt = performance.now();
  await atFixedRate({ ratePerSecond: task.ratePerSecond, count: task.count }, async (index, dueAt) => {
    try {
      const conf = await chargePoints[index % chargePoints.length].authorize(`BENCH${index % 1000}`);
      if (conf.idTagInfo.status === 'Accepted') recorder.succeed(performance.now() - dueAt);
      else recorder.fail(`status:${conf.idTagInfo.status}`);
    } catch (error) {
      recorder.fail(failureKind(error));
    }
  });
  return recorder.result(performance.now() - startedAt);
}

/** Raw NATS request/reply at a fixed rate: the baseline of `authorize`. */
export async function natsRequestLoad(task: Task<'natsRequests'>): Promise<LoadResult> {
  const recorder = new CallRecorder();
  const codec = JSONCodec();
  const nc = await connect({ servers: task.natsUrl, name: 'bench-requester' });
  const startedAt = performance.now();
  try {
    await atFixedRate({ ratePerSecond: task.ratePerSecond, count: task.count }, async (index, dueAt) => {
      try {
        await nc.request(task.subject, codec.encode({ identity: 'BENCH-NATS', idTag: `BENCH${index % 1000}` }), { timeout: task.timeoutMs });
        recorder.succeed(performance.now() - dueAt);
      } catch (error) {
        recorder.fail(failureKind(error));
      }
    });
  } finally {
    await nc.close();
  }
  return recorder.result(performance.now() - startedAt);
}

interface TransactionView {
  stoppedAt?: string | null;
}

async function transactionShownStopped(task: Task<'transactions'>, transactionId: number): Promise<boolean> {
  const response = await fetch(`${task.apiUrl}/api/transactions/${transactionId}`, {
    headers: { authorization: `Bearer ${task.apiToken}` },
  });
  if (response.status === 404) {
    await response.body?.cancel();
    return false;
  }
  if (!response.ok) throw new Error(`GET /api/transactions/${transactionId}: HTTP ${response.status}`);
  const view = (await response.json()) as TransactionView;
  return typeof view.stoppedAt === 'string';
}

/** Polls the API until it shows the transaction stopped; the milliseconds it took, or undefined on timeout. */
async function waitUntilShown(task: Task<'transactions'>, transactionId: number, stoppedAt: number): Promise<number | undefined> {
  const deadline = stoppedAt + task.timeoutMs;
  while (performance.now() < deadline) {
    if (await transactionShownStopped(task, transactionId)) return performance.now() - stoppedAt;
    await delay(API_POLL_INTERVAL_MS);
  }
  return undefined;
}

async function oneTransaction(cp: SimulatedChargePoint, round: number, task: Task<'transactions'>, recorder: CallRecorder): Promise<void> {
  const idTag = `LAG${round % 1000}`;
  const meterStart = cp.meterOf(METER_CONNECTOR);
  const started = await cp.startTransaction(METER_CONNECTOR, idTag, meterStart);
  await cp.meterValues(METER_CONNECTOR, meterStart + 500, started.transactionId);
  const measured = Date.now() >= task.measureFrom;
  const stoppedAt = performance.now();
  await cp.stopTransaction(started.transactionId, meterStart + 500, idTag, 'Local');
  const lagMs = await waitUntilShown(task, started.transactionId, stoppedAt);
  if (!measured) return;
  if (lagMs === undefined) recorder.fail('notShownInTime');
  else recorder.succeed(lagMs);
}

/**
 * Every wallbox starts and stops a transaction every `roundIntervalMs` (the first at a random
 * point of the first interval, so that the probes do not move in step) until `until`; lag =
 * StopTransaction sent → API shows it. Stops sent before `measureFrom` are a warm-up.
 */
export async function transactionsLoad(chargePoints: readonly SimulatedChargePoint[], task: Task<'transactions'>): Promise<LoadResult> {
  const recorder = new CallRecorder();
  const startedAt = performance.now();
  const probe = async (cp: SimulatedChargePoint) => {
    await delay(Math.random() * task.roundIntervalMs);
    for (let round = 0; Date.now() < task.until; round++) {
      const nextRoundAt = performance.now() + task.roundIntervalMs;
      await oneTransaction(cp, round, task, recorder).catch((error: unknown) => recorder.fail(failureKind(error)));
      await delay(Math.max(0, nextRoundAt - performance.now()));
    }
  };
  await Promise.all(chargePoints.map(probe));
  return recorder.result(performance.now() - startedAt);
}
