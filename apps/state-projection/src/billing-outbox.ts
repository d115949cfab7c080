import { Logger } from '@nestjs/common';
import { JSONCodec, type JetStreamClient } from 'nats';
import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import type { Subjects } from '@voltstream/contracts';
import { BillingOutboxRow } from '@voltstream/read-models';
import type { ProjectionMetrics } from './projection-metrics';

const RETRY_MS = 2000;
const PAGE = 500;
const codec = JSONCodec();

/** The transaction id of a billing message; undefined for a message that is not ours. */
function billedTransaction(data: Uint8Array): number | undefined {
  let body: unknown;
  try {
    body = codec.decode(data);
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null || !('transactionId' in body)) return undefined;
  return typeof body.transactionId === 'number' ? body.transactionId : undefined;
}

/**
 * Publishes completed transactions (SPEC §7) that the projection committed to the outbox, after
 * the commit, with the transaction id as NATS message id: exactly once. A process that dies between
 * a publish and marking the row published leaves at most a page unmarked: JetStream drops the
 * republish within its duplicate window, and the first run after a start marks what the end of
 * the billing stream holds already, however long the projection was down.
 */
export class BillingOutbox {
  private readonly logger = new Logger('BillingOutbox');
  private running: Promise<void> | undefined;
  private again = false;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;
  private reconciled = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly js: JetStreamClient,
    private readonly subjects: Subjects,
    private readonly metrics: Pick<ProjectionMetrics, 'billingPublished'>,
  ) {}

  /** Publishes everything not yet published; a call during a run makes it go round once more. */
  flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.publishAll().finally(() => (this.running = undefined));
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.running;
  }

  private async publishAll(): Promise<void> {
    try {
      if (!this.reconciled) await this.markPublishedBefore();
      this.reconciled = true;
      do {
        this.again = false;
        while (!this.stopped && (await this.publishPage()) === PAGE);
      } while (this.again && !this.stopped);
    } catch (error) {
      this.logger.warn(`Billing publish failed, retrying in ${RETRY_MS} ms: ${String(error)}`);
      if (!this.stopped) this.retry = setTimeout(() => void this.flush(), RETRY_MS);
    }
  }

  /** Marks published the unmarked rows whose transaction is among the last messages of the billing stream. */
  private async markPublishedBefore(): Promise<void> {
    const outbox = this.dataSource.getRepository(BillingOutboxRow);
    if ((await outbox.countBy({ published: false })) === 0) return;
    const { state } = await (await this.js.jetstreamManager()).streams.info(this.subjects.billingStream);
    if (state.messages === 0) return;
    const from = Math.max(state.first_seq, state.last_seq - PAGE + 1);
    const consumer = await this.js.consumers.get(this.subjects.billingStream, { opt_start_seq: from });
    const published: (number | undefined)[] = [];
    for await (const message of await consumer.fetch({ max_messages: state.last_seq - from + 1, expires: 5000 })) {
      published.push(billedTransaction(message.data));
      if (message.seq >= state.last_seq) break;
    }
    await outbox.update({ transactionId: In(published.filter((id) => id !== undefined)), published: false }, { published: true });
  }

  private async publishPage(): Promise<number> {
    const outbox = this.dataSource.getRepository(BillingOutboxRow);
    const pending = await outbox.find({ where: { published: false }, order: { transactionId: 'ASC' }, take: PAGE });
    await Promise.all(
      pending.map(({ transactionId, body }) => this.js.publish(this.subjects.billingCompleted, codec.encode(body), { msgID: String(transactionId) })),
    );
    if (pending.length) await outbox.update({ transactionId: In(pending.map((row) => row.transactionId)) }, { published: true });
    this.metrics.billingPublished(pending.length);
    return pending.length;
  }
}
