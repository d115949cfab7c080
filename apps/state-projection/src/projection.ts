import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import type { Config } from '@voltstream/config';
import { subjectsFor, type Subjects } from '@voltstream/contracts';
import { consumerReadiness, StallWatch, startHealthServer, type HealthReport, type ReadinessBounds } from '@voltstream/health';
import { connectNats, ensureStreams } from '@voltstream/nats';
import { openReadModels, ParkedEvents } from '@voltstream/read-models';
import { BillingOutbox } from './billing-outbox';
import { PROJECTION_NAME } from './events-consumer';
import type { ProjectionLock } from './projection-lock';
import { ProjectionMetrics, type Lag } from './projection-metrics';
import type { StepHook } from './projection-worker';
import { ProjectionSessions } from './projection-sessions';
import { Progress } from './progress';
import { ReadModelStore } from './read-model-store';

export interface RunningProjection {
  /** Port of the health endpoint, when one is served. */
  healthPort: number | undefined;
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
    await ensureStreams(nc, subjects, config.natsReplicas);
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

/** Ready while NATS and Postgres answer and the checkpoint keeps up with the log (READY_MAX_PENDING, READY_MAX_STALL). */
async function readiness({ nc, dataSource, subjects, store }: ProjectionConnections, bounds: ReadinessBounds, stall: StallWatch): Promise<HealthReport> {
  const jsm = await nc.jetstreamManager({ checkAPI: false });
  const [{ state }, checkpoint, parked] = await Promise.all([
    jsm.streams.info(subjects.eventsStream),
    store.checkpoint(),
    new ParkedEvents(dataSource).waiting(PROJECTION_NAME),
  ]);
  const pending = Math.max(0, state.last_seq - checkpoint.sequence);
  return consumerReadiness({ pending, stalledMs: stall.stalledMs(checkpoint.sequence, pending, Date.now()), parked }, bounds);
}

/**
 * The events after the checkpoint, and how long the first of them has waited in the log (0 when
 * none waits); NaN while NATS or Postgres do not answer.
 */
async function lag({ nc, subjects, store }: ProjectionConnections): Promise<Lag> {
  try {
    const jsm = await nc.jetstreamManager({ checkAPI: false });
    const [{ state }, checkpoint] = await Promise.all([jsm.streams.info(subjects.eventsStream), store.checkpoint()]);
    const events = Math.max(0, state.last_seq - checkpoint.sequence);
    if (events === 0) return { events, seconds: 0 };
    const first = await jsm.streams.getMessage(subjects.eventsStream, { seq: Math.max(checkpoint.sequence + 1, state.first_seq) });
    return { events, seconds: Math.max(0, (Date.now() - first.time.getTime()) / 1000) };
  } catch {
    return { events: Number.NaN, seconds: Number.NaN };
  }
}

async function closeServer(server: Server | undefined): Promise<void> {
  if (!server) return;
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

export interface ProjectionOptions {
  /** Serves /health and /health/ready (within these bounds) when set. */
  health?: { port: number; bounds: ReadinessBounds };
  /** For crash tests only: see {@link StepHook}. */
  onStep?: StepHook;
  /** Held by the caller already (a rebuild); otherwise the projection waits for it. */
  lock?: ProjectionLock;
}

/** Follows the event log while it holds the projection lock, until closed; the connections stay open. */
export async function runProjection(connections: ProjectionConnections, { health: healthOptions, onStep, lock }: ProjectionOptions = {}): Promise<RunningProjection> {
  const { nc, dataSource, subjects } = connections;
  const metrics = new ProjectionMetrics(() => lag(connections));
  const billing = new BillingOutbox(dataSource, nc.jetstream(), subjects, metrics);
  const progress = new Progress();
  const sessions = new ProjectionSessions(connections, progress, billing, metrics, onStep);
  sessions.start(lock);
  const stall = new StallWatch();
  const health = healthOptions && (await startHealthServer(healthOptions.port, () => readiness(connections, healthOptions.bounds, stall), metrics.registry));
  return {
    healthPort: health && (health.address() as AddressInfo).port,
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
  const bounds = { maxPending: config.readyMaxPending, maxStallMs: config.readyMaxStall * 1000 };
  const projection = await runProjection(connections, { health: config.healthPort === undefined ? undefined : { port: config.healthPort, bounds } });
  return {
    healthPort: projection.healthPort,
    reached: (sequence) => projection.reached(sequence),
    close: async () => {
      await projection.close();
      await closeConnections(connections);
    },
  };
}
