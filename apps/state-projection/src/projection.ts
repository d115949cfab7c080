import type { Server } from 'node:http';
import type { NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import type { Config } from '@voltstream/config';
import { subjectsFor, type Subjects } from '@voltstream/contracts';
import { startHealthServer } from '@voltstream/health';
import { connectNats, ensureStreams } from '@voltstream/nats';
import { openReadModels } from '@voltstream/read-models';
import { BillingOutbox } from './billing-outbox';
import { PROJECTION_NAME } from './events-consumer';
import type { ProjectionLock } from './projection-lock';
import type { StepHook } from './projection-worker';
import { ProjectionSessions } from './projection-sessions';
import { Progress } from './progress';
import { ReadModelStore } from './read-model-store';

export interface RunningProjection {
  /** Resolves once every event up to this stream sequence is in the read models. */
  reached(sequence: number): Promise<void>;
  close(): Promise<void>;
}

/** The connections the projection works with: opened once per process. */
export interface ProjectionConnections {
  nc: NatsConnection;
  dataSource: DataSource;
  subjects: Subjects;
  store: ReadModelStore;
}

export async function openConnections(config: Config): Promise<ProjectionConnections> {
  const subjects = subjectsFor(config.namespace);
  const nc = await connectNats(config.natsUrl, PROJECTION_NAME);
  try {
    await ensureStreams(nc, subjects);
    const dataSource = await openReadModels(config.databaseUrl);
    return { nc, dataSource, subjects, store: new ReadModelStore(dataSource, PROJECTION_NAME) };
  } catch (error) {
    await nc.close();
    throw error;
  }
}

export async function closeConnections({ nc, dataSource }: ProjectionConnections): Promise<void> {
  await nc.drain();
  await dataSource.destroy();
}

async function isReady({ nc, dataSource }: ProjectionConnections): Promise<boolean> {
  await nc.rtt();
  await dataSource.query('SELECT 1');
  return true;
}

async function closeServer(server: Server | undefined): Promise<void> {
  if (!server) return;
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

export interface ProjectionOptions {
  healthPort?: number;
  /** For crash tests only: see {@link StepHook}. */
  onStep?: StepHook;
  /** Held by the caller already (a rebuild); otherwise the projection waits for it. */
  lock?: ProjectionLock;
}

/** Follows the event log while it holds the projection lock, until closed; the connections stay open. */
export async function runProjection(connections: ProjectionConnections, { healthPort, onStep, lock }: ProjectionOptions = {}): Promise<RunningProjection> {
  const { nc, dataSource, subjects } = connections;
  const billing = new BillingOutbox(dataSource, nc.jetstream(), subjects);
  const progress = new Progress();
  const sessions = new ProjectionSessions(connections, progress, billing, onStep);
  sessions.start(lock);
  const health = healthPort === undefined ? undefined : await startHealthServer(healthPort, () => isReady(connections));
  return {
    reached: (sequence) => progress.reached(sequence),
    close: async () => {
      await sessions.close();
      await billing.stop();
      await closeServer(health);
    },
  };
}

/**
 * The state projection: follows the event log with a durable consumer and keeps the Postgres
 * read models, publishing completed transactions for billing (SPEC §7).
 */
export async function startProjection(config: Config): Promise<RunningProjection> {
  const connections = await openConnections(config);
  const projection = await runProjection(connections, { healthPort: config.healthPort });
  return {
    reached: (sequence) => projection.reached(sequence),
    close: async () => {
      await projection.close();
      await closeConnections(connections);
    },
  };
}
