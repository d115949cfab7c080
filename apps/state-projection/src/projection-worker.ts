import { Logger } from '@nestjs/common';
import type { JsMsg } from 'nats';
import { setTimeout as delay } from 'node:timers/promises';
import { ProjectionBatch, promptFirst, rowsToLoad, UnprojectableEventError } from '@voltstream/domain';
import { decodeEvent, type StoredEvent } from '@voltstream/nats';
import { addressFromSubject, decideOnFailure, failureKind, parkedRow, type ParkedEventRow } from '@voltstream/read-models';
import { BatchPacing } from './batch-pacing';
import { CommittedRows } from './committed-rows';
import { MessageQueue } from './message-queue';
import { appliedAhead, appliedUpTo, coveredBy, type Checkpoint } from './checkpoint';
import { PROJECTION_NAME } from './events-consumer';
import type { Progress } from './progress';
import type { ProjectionMetrics } from './projection-metrics';
import type { ReadModelStore } from './read-model-store';

const BATCH_SIZE = 5000;
const MIN_BATCH_INTERVAL_MS = 20;
const RETRY_MS = 1000;
/** An event the database refused is tried again sooner: the cause is more likely its data than a passing state. */
const REFUSED_RETRY_MS = 200;

type ParkedEvent = Omit<ParkedEventRow, 'id'>;

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
 * other wallboxes. Events the checkpoint covers change nothing. An event it cannot apply is parked
 * with the checkpoint that moves past it (`decideOnFailure`): no event stops the worker.
 */
export class ProjectionWorker {
  readonly queue = new MessageQueue<JsMsg>();
  private readonly logger = new Logger('StateProjection');
  private readonly committed = new CommittedRows();
  private readonly pacing = new BatchPacing(MIN_BATCH_INTERVAL_MS);
  /** Set when a batch failed: whether it was committed is unknown until the checkpoint is read again. */
  private uncertain = false;
  private closing = false;
  /** Batches and retries of parked events take turns. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: ReadModelStore,
    private checkpoint: Checkpoint,
    private readonly progress: Progress,
    /** What this projection parked before, not since resolved: a replay parks it again at once. */
    private readonly parkedBefore: ReadonlySet<number>,
    private readonly onTransactionsCompleted: () => void,
    private readonly metrics: Pick<ProjectionMetrics, 'written'>,
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
      if (!(await this.inTurn(() => this.applyUntilDone(messages)))) return;
      messages[messages.length - 1].ack();
      if (this.onStep) await this.onStep('acknowledged', this.checkpoint);
      this.progress.moved(this.checkpoint.sequence);
    }
  }

  /**
   * Applies a parked event again, through the same `project`, over the rows as they are now (it may
   * come long after the events that followed it); the checkpoint stays where it is. Rejects with
   * why the event still cannot be applied.
   */
  retry(stored: StoredEvent): Promise<void> {
    return this.inTurn(async () => {
      try {
        if (this.uncertain) await this.trustOnlyTheDatabase();
        const parked: ParkedEvent[] = [];
        await this.write([stored], this.checkpoint, parked);
        if (parked.length > 0) throw new Error(parked[0].error);
      } catch (error) {
        this.uncertain = true;
        throw error;
      }
    });
  }

  stop(): void {
    this.closing = true;
    this.queue.close();
  }

  /**
   * Applies a batch until it goes through, or the worker stops. An outage is retried; a batch the
   * database refuses for its data is split in halves until the event to blame is alone, which is
   * parked once refused a few times ({@link decideOnFailure}).
   */
  private async applyUntilDone(messages: JsMsg[]): Promise<boolean> {
    let parking: { error: unknown; attempts: number } | undefined;
    for (let attempts = 1; !this.closing; attempts++) {
      try {
        await (parking ? this.park(messages[0], parking.error, parking.attempts) : this.apply(messages));
        return true;
      } catch (error) {
        this.uncertain = true;
        const kind = parking ? 'outage' : failureKind(error);
        const decision = decideOnFailure({ kind, events: messages.length, attempts, parkedBefore: this.parkedBefore.has(messages[0].seq) });
        this.logger.error({ from: messages[0].seq, to: messages[messages.length - 1].seq, decision, err: error, msg: 'projecting events failed' });
        if (decision === 'isolate') return this.applyHalvesUntilDone(messages);
        if (decision === 'park') parking = { error, attempts };
        else await delay(kind === 'outage' ? RETRY_MS : REFUSED_RETRY_MS);
      }
    }
    return false;
  }

  private async applyHalvesUntilDone(messages: JsMsg[]): Promise<boolean> {
    const half = Math.ceil(messages.length / 2);
    return (await this.applyUntilDone(messages.slice(0, half))) && this.applyUntilDone(messages.slice(half));
  }

  private async apply(messages: JsMsg[]): Promise<void> {
    if (this.uncertain) await this.trustOnlyTheDatabase();
    const last = messages[messages.length - 1].seq;
    if (last <= this.checkpoint.sequence) return;
    const covered = coveredBy(this.checkpoint);
    const parked: ParkedEvent[] = [];
    const stored = messages.filter((message) => !covered(message.seq)).map((message) => this.decode(message, parked)).filter((each) => each !== undefined);
    const { prompt, telemetry } = promptFirst(stored);
    const split = prompt.length > 0 && telemetry.length > 0;
    if (split) await this.write(prompt, appliedAhead(this.checkpoint, prompt.map((each) => each.sequence)), []);
    await this.write(split ? telemetry : stored, appliedUpTo(this.checkpoint, last), parked);
  }

  /** Moves the checkpoint past an event that cannot be applied, recording it in the same statement. */
  private async park(message: JsMsg, error: unknown, attempts: number): Promise<void> {
    if (this.uncertain) await this.trustOnlyTheDatabase();
    if (coveredBy(this.checkpoint)(message.seq)) return;
    await this.write([], appliedUpTo(this.checkpoint, message.seq), [this.parkedEvent(message, error, attempts)]);
  }

  private async write(events: StoredEvent[], checkpoint: Checkpoint, parked: ParkedEvent[]): Promise<void> {
    const keys = rowsToLoad(events.map(({ event }) => event));
    const batch = new ProjectionBatch(await this.committed.rowsFor(keys, (missing) => this.store.load(missing)));
    for (const stored of events) this.applyOne(batch, stored, parked);
    const writes = batch.writes();
    await this.store.commit(writes, checkpoint, parked);
    this.metrics.written(writes);
    this.committed.remember(keys, batch.rows());
    this.checkpoint = checkpoint;
    if (writes.completedTransactions.length > 0) this.onTransactionsCompleted();
    for (const { sequence, eventType, chargePoint, error } of parked) this.logger.warn({ sequence, event: eventType, identity: chargePoint ?? undefined, error, msg: 'event parked' });
    this.logger.debug({ sequence: checkpoint.sequence, events: events.length, msg: 'events applied' });
    if (this.onStep) await this.onStep('written', checkpoint);
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const done = this.turn.then(work);
    this.turn = done.catch(() => undefined);
    return done;
  }

  /** A failed commit may have gone through after all: the database tells. */
  private async trustOnlyTheDatabase(): Promise<void> {
    this.committed.clear();
    this.checkpoint = await this.store.checkpoint();
    this.uncertain = false;
  }

  private decode(message: JsMsg, parked: ParkedEvent[]): StoredEvent | undefined {
    try {
      return { sequence: message.seq, event: decodeEvent(message.data) };
    } catch (error) {
      parked.push(this.parkedEvent(message, error, 1));
      return undefined;
    }
  }

  private applyOne(batch: ProjectionBatch, { event, sequence }: StoredEvent, parked: ParkedEvent[]): void {
    try {
      batch.apply(event, sequence);
    } catch (error) {
      if (!(error instanceof UnprojectableEventError)) throw error;
      parked.push(parkedRow(PROJECTION_NAME, { sequence, eventType: event.type, chargePoint: event.metadata.chargePoint }, error, 1, new Date()));
    }
  }

  /** The subject tells what an event that cannot be decoded was; the event itself where it can. */
  private parkedEvent(message: JsMsg, error: unknown, attempts: number): ParkedEvent {
    const address = addressFromSubject(message.seq, message.subject);
    try {
      const { type, metadata } = decodeEvent(message.data);
      return parkedRow(PROJECTION_NAME, { ...address, eventType: type, chargePoint: metadata.chargePoint }, error, attempts, new Date());
    } catch {
      return parkedRow(PROJECTION_NAME, address, error, attempts, new Date());
    }
  }
}
