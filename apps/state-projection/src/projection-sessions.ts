import { Logger } from '@nestjs/common';
import { setTimeout as delay } from 'node:timers/promises';
import { decodeEvent, PULL_EXPIRES_MS } from '@voltstream/nats';
import { ParkedEvents, serveParkedRetries } from '@voltstream/read-models';
import type { BillingOutbox } from './billing-outbox';
import { MAX_ACK_PENDING, PROJECTION_NAME, resetEventsConsumer } from './events-consumer';
import type { ProjectionConnections } from './projection';
import { ProjectionLock } from './projection-lock';
import { ProjectionWorker, type StepHook } from './projection-worker';
import type { Progress } from './progress';
import type { ProjectionMetrics } from './projection-metrics';

const LOCK_POLL_MS = 1000;

/**
 * Runs the projection while this process holds the {@link ProjectionLock}: each session reads
 * the checkpoint, has the consumer deliver from the event after it, and projects until closed or
 * until the lock is lost (its connection broke: another replica may be writing now). Then it waits
 * for the lock again and starts over from the checkpoint.
 */
export class ProjectionSessions {
  private readonly logger = new Logger('StateProjection');
  private stopped = false;
  private stop!: () => void;
  private readonly stopping = new Promise<void>((resolve) => (this.stop = resolve));
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly connections: ProjectionConnections,
    private readonly progress: Progress,
    private readonly billing: BillingOutbox,
    private readonly metrics: ProjectionMetrics,
    private readonly onStep?: StepHook,
  ) {}

  /** Starts the sessions; the first with `lock` when the caller holds it already. */
  start(lock?: ProjectionLock): void {
    this.running = this.loop(lock);
  }

  async close(): Promise<void> {
    this.stopped = true;
    this.stop();
    await this.running;
  }

  private async loop(held: ProjectionLock | undefined): Promise<void> {
    let lock = held;
    while (!this.stopped) {
      lock ??= await this.waitForLock();
      if (!lock) return;
      try {
        await this.session(lock);
      } catch (error) {
        this.logger.error(`The projection stopped, starting over from its checkpoint: ${String(error)}`);
        await delay(LOCK_POLL_MS);
      } finally {
        await lock.release().catch((error: unknown) => this.logger.warn(`Releasing the projection lock failed: ${String(error)}`));
        lock = undefined;
      }
    }
  }

  private async waitForLock(): Promise<ProjectionLock | undefined> {
    let waiting = false;
    while (!this.stopped) {
      const lock = await ProjectionLock.tryTake(this.connections.dataSource).catch((error: unknown) => {
        this.logger.warn(`Cannot take the projection lock: ${String(error)}`);
        return undefined;
      });
      if (lock) return lock;
      if (!waiting) this.logger.log('Another state projection holds the read models: standing by');
      waiting = true;
      await Promise.race([delay(LOCK_POLL_MS), this.stopping]);
    }
    return undefined;
  }

  private async session(lock: ProjectionLock): Promise<void> {
    const { nc, subjects, store, dataSource } = this.connections;
    const checkpoint = await store.checkpoint();
    this.progress.moved(checkpoint.sequence);
    await resetEventsConsumer(await nc.jetstreamManager(), subjects, checkpoint.sequence);
    const parkedEvents = new ParkedEvents(dataSource);
    const parked = await parkedEvents.sequences(PROJECTION_NAME);
    const worker = new ProjectionWorker(store, checkpoint, this.progress, parked, () => void this.billing.flush(), this.metrics, this.onStep);
    const consumer = await nc.jetstream().consumers.get(subjects.eventsStream, PROJECTION_NAME);
    const messages = await consumer.consume({ max_messages: MAX_ACK_PENDING / 4, expires: PULL_EXPIRES_MS, callback: (message) => worker.queue.push(message) });
    const running = worker.run();
    const retries = await serveParkedRetries(nc, subjects, PROJECTION_NAME, parkedEvents, (sequence, data) => worker.retry({ sequence, event: decodeEvent(data) }));
    void this.billing.flush();
    this.logger.log(`Following ${subjects.eventsStream} after event ${checkpoint.sequence}`);
    await Promise.race([lock.lost.then(() => this.stopped || this.logger.error('The projection lock was lost: stopping until it is taken again')), this.stopping]);
    retries.unsubscribe();
    await messages.close();
    worker.stop();
    await running;
  }
}
