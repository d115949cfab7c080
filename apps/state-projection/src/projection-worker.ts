import { Logger } from '@nestjs/common';
import type { JsMsg } from 'nats';
import { setTimeout as delay } from 'node:timers/promises';
import type { VoltstreamEvent } from '@voltstream/contracts';
import { ProjectionBatch, promptFirst, rowsToLoad, UnprojectableEventError } from '@voltstream/domain';
import { decodeEvent, type StoredEvent } from '@voltstream/nats';
import { BatchPacing } from './batch-pacing';
import { CommittedRows } from './committed-rows';
import { MessageQueue } from './message-queue';
import { appliedAhead, appliedUpTo, coveredBy, type Checkpoint } from './checkpoint';
import type { Progress } from './progress';
import type { ReadModelStore } from './read-model-store';

const BATCH_SIZE = 5000;
const RETRY_MS = 1000;
const MIN_BATCH_INTERVAL_MS = 20;

/** Where a batch is: taken from the queue, one statement written (one or two a batch), acknowledged. */
export type ProjectionStep = 'taken' | 'written' | 'acknowledged';
/**
 * Called at each step when set: a crash test holds the worker there and abandons it, as a kill
 * would. Unset in service, where it costs one comparison a step.
 */
export type StepHook = (step: ProjectionStep, checkpoint: Checkpoint) => Promise<void>;

/**
 * Takes the events in batches — whatever has arrived, batches starting at least
 * {@link MIN_BATCH_INTERVAL_MS} apart — applies each batch's rows with the checkpoint atomically
 * and acks after the commit. A batch with both telemetry and events people wait for commits the
 * latter first ({@link promptFirst}): a stop is not written behind the meter values of a thousand
 * other wallboxes. Events the checkpoint covers change nothing.
 */
export class ProjectionWorker {
  readonly queue = new MessageQueue<JsMsg>();
  private readonly logger = new Logger('StateProjection');
  private readonly committed = new CommittedRows();
  private readonly pacing = new BatchPacing(MIN_BATCH_INTERVAL_MS);
  /** Set when a batch failed: whether it was committed is unknown until the checkpoint is read again. */
  private uncertain = false;
  private closing = false;

  constructor(
    private readonly store: ReadModelStore,
    private checkpoint: Checkpoint,
    private readonly progress: Progress,
    private readonly onTransactionsCompleted: () => void,
    private readonly onStep?: StepHook,
  ) {}

  async run(): Promise<void> {
    for (;;) {
      const pause = this.pacing.pause();
      if (pause > 0) await delay(pause);
      const messages = await this.queue.take(BATCH_SIZE);
      if (messages.length === 0) return;
      this.pacing.started();
      if (this.onStep) await this.onStep('taken', this.checkpoint);
      if (!(await this.applyUntilDone(messages))) return;
      messages[messages.length - 1].ack();
      if (this.onStep) await this.onStep('acknowledged', this.checkpoint);
      this.progress.moved(this.checkpoint.sequence);
    }
  }

  stop(): void {
    this.closing = true;
    this.queue.close();
  }

  /** Retries a batch the database refused until it goes through, or the worker stops. */
  private async applyUntilDone(messages: JsMsg[]): Promise<boolean> {
    while (!this.closing) {
      try {
        await this.apply(messages);
        return true;
      } catch (error) {
        this.logger.error(`Projecting events ${messages[0].seq}–${messages[messages.length - 1].seq} failed, retrying: ${String(error)}`);
        this.uncertain = true;
        await delay(RETRY_MS);
      }
    }
    return false;
  }

  private async apply(messages: JsMsg[]): Promise<void> {
    if (this.uncertain) await this.trustOnlyTheDatabase();
    const last = messages[messages.length - 1].seq;
    if (last <= this.checkpoint.sequence) return;
    const covered = coveredBy(this.checkpoint);
    const stored = messages.filter((message) => !covered(message.seq)).map((message) => this.decode(message)).filter((each) => each !== undefined);
    const { prompt, telemetry } = promptFirst(stored);
    const split = prompt.length > 0 && telemetry.length > 0;
    if (split) await this.write(prompt, appliedAhead(this.checkpoint, prompt.map((each) => each.sequence)));
    await this.write(split ? telemetry : stored, appliedUpTo(this.checkpoint, last));
  }

  private async write(events: StoredEvent[], checkpoint: Checkpoint): Promise<void> {
    const keys = rowsToLoad(events.map(({ event }) => event));
    const batch = new ProjectionBatch(await this.committed.rowsFor(keys, (missing) => this.store.load(missing)));
    for (const { event, sequence } of events) this.applyOne(batch, event, sequence);
    const writes = batch.writes();
    await this.store.commit(writes, checkpoint);
    this.committed.remember(keys, batch.rows());
    this.checkpoint = checkpoint;
    if (writes.completedTransactions.length > 0) this.onTransactionsCompleted();
    if (this.onStep) await this.onStep('written', checkpoint);
  }

  /** A failed commit may have gone through after all: the database tells. */
  private async trustOnlyTheDatabase(): Promise<void> {
    this.committed.clear();
    this.checkpoint = await this.store.checkpoint();
    this.uncertain = false;
  }

  private decode(message: JsMsg): StoredEvent | undefined {
    try {
      return { sequence: message.seq, event: decodeEvent(message.data) };
    } catch (error) {
      this.logger.warn(`Skipping event ${message.seq}: ${String(error)}`);
      return undefined;
    }
  }

  private applyOne(batch: ProjectionBatch, event: VoltstreamEvent, sequence: number): void {
    try {
      batch.apply(event, sequence);
    } catch (error) {
      if (!(error instanceof UnprojectableEventError)) throw error;
      this.logger.warn(`Skipping an event: ${error.message}`);
    }
  }
}
