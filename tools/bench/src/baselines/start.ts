import { join } from 'node:path';
import { nextMessage } from '../ipc';
import type { BenchProcess, ProcessSet } from '../processes';
import type { FromBaseline } from './protocol';

const READY_TIMEOUT_MS = 30_000;

export interface BareServers {
  /** Base URLs a wallbox connects to, one per server process. */
  urls: string[];
  pids: number[];
  stop(): Promise<void>;
}

/** Bare `ws` server processes (baselines/ws-server.ts), each on a port of its own. */
export async function startBareWsServers(
  processes: ProcessSet,
  name: string,
  count: number,
  env: { natsUrl: string; jetstreamSubject?: string },
): Promise<BareServers> {
  const started: BenchProcess[] = [];
  const childEnv = { ...process.env, NATS_URL: env.natsUrl, BENCH_JETSTREAM_SUBJECT: env.jetstreamSubject ?? '' };
  for (let index = 0; index < count; index++) started.push(processes.fork(`${name}-${index}`, join(__dirname, 'ws-server.js'), [], childEnv));
  const stop = async () => void (await Promise.all(started.map((server) => processes.stop(server))));
  const ports = await Promise.all(
    started.map((server) => nextMessage<FromBaseline, 'listening'>(server.child, server.name, 'listening', READY_TIMEOUT_MS)),
  );
  return { urls: ports.map(({ port }) => `ws://127.0.0.1:${port}/ocpp`), pids: started.map((server) => server.pid), stop };
}

/** A raw NATS responder (baselines/nats-responder.ts) on `subject`. */
export async function startNatsResponder(processes: ProcessSet, natsUrl: string, subject: string): Promise<BenchProcess> {
  const responder = processes.fork('nats-responder', join(__dirname, 'nats-responder.js'), [], {
    ...process.env,
    NATS_URL: natsUrl,
    BENCH_NATS_SUBJECT: subject,
  });
  await nextMessage<FromBaseline, 'ready'>(responder.child, responder.name, 'ready', READY_TIMEOUT_MS);
  return responder;
}

/** Inserts the first `count` rebuild events as rows (baselines/pg-bulk-insert.ts); resolves with the time spent inserting. */
export async function bulkInsert(
  processes: ProcessSet,
  databaseUrl: string,
  count: number,
  chargePoints: number,
  timeoutMs: number,
): Promise<{ rows: number; insertMs: number }> {
  const inserter = processes.fork('pg-bulk-insert', join(__dirname, 'pg-bulk-insert.js'), [], {
    ...process.env,
    DATABASE_URL: databaseUrl,
    BENCH_EVENT_COUNT: String(count),
    BENCH_CHARGE_POINTS: String(chargePoints),
  });
  const { rows, insertMs } = await nextMessage<FromBaseline, 'inserted'>(inserter.child, inserter.name, 'inserted', timeoutMs);
  await processes.stop(inserter);
  return { rows, insertMs };
}
