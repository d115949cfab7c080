import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { subjectsFor } from '@voltstream/contracts';
import { connectNats, ensureStreams, EventPublisher } from '@voltstream/nats';
import { status, step, type ScenarioContext } from '../context';
import { benchDatabaseUrl } from '../namespace';
import { exitCode } from '../processes';
import { takeEvents } from '../rebuild-events';
import { benchEnv, entryPoint } from '../services';
import { formatNumber } from '../table';

const PUBLISH_WINDOW = 1000;

/** Appends the first `count` rebuild events to the namespace's event log, many in flight at once. */
export async function publishEvents(context: ScenarioContext, namespace: string, count: number, chargePoints: number): Promise<void> {
  const subjects = subjectsFor(namespace);
  const nc = await connectNats(context.natsUrl, 'bench-rebuild-publisher');
  try {
    await ensureStreams(nc, subjects);
    const publisher = new EventPublisher(nc, subjects, 30_000);
    const inFlight = new Set<Promise<unknown>>();
    let published = 0;
    for (const event of takeEvents(count, chargePoints, new Date())) {
      const publish: Promise<unknown> = publisher.publish(event).then(() => inFlight.delete(publish));
      inFlight.add(publish);
      if (inFlight.size >= PUBLISH_WINDOW) await Promise.race(inFlight);
      if (++published % 10_000 === 0) status(context, `event log: ${formatNumber(published)}/${formatNumber(count)} events appended`);
    }
    await Promise.all(inFlight);
  } finally {
    await nc.close();
  }
}

/** `main.js rebuild` of the state projection: wall time from start to exit, start-up included. */
export async function runRebuild(context: ScenarioContext, namespace: string, timeoutMs: number): Promise<number> {
  step(context, 'state-projection rebuild: replaying the event log');
  const startedAt = performance.now();
  const rebuild = context.processes.spawnNode('state-projection-rebuild', join(context.root, entryPoint('state-projection')), ['rebuild'], {
    ...process.env,
    ...benchEnv(context, namespace, 'unused'),
  });
  const code = await exitCode(rebuild, timeoutMs);
  if (code !== 0) throw new Error(`state-projection rebuild exited with code ${code}; see ${context.logDir}/state-projection-rebuild.log`);
  return performance.now() - startedAt;
}

/** The last event-log sequence the projection applied (its checkpoint), 0 before the first. */
export async function projectedSequence(context: ScenarioContext, namespace: string): Promise<number> {
  const client = new Client({ connectionString: benchDatabaseUrl(context.postgresUrl, namespace) });
  await client.connect();
  try {
    const { rows } = await client.query<{ sequence: string | null }>('SELECT max(sequence) AS sequence FROM projection_checkpoints');
    return Number(rows[0]?.sequence ?? 0);
  } finally {
    await client.end();
  }
}
