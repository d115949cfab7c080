import { Logger } from '@nestjs/common';
import { JSONCodec, type JetStreamClient } from 'nats';
import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import type { Subjects } from '@voltstream/contracts';
import { BillingOutboxRow } from '@voltstream/read-models';

const RETRY_MS = 2000;
const PAGE = 500;
const codec = JSONCodec();

/**
 * Publishes completed transactions (SPEC §7) that the projection committed to the outbox:
 * at least once, after the commit, with the transaction id as NATS message id.
 */
export class BillingOutbox {
  private readonly logger = new Logger('BillingOutbox');
  private running: Promise<void> | undefined;
  private again = false;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly dataSource: DataSource, private readonly js: JetStreamClient, private readonly subjects: Subjects) {}

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
      do {
        this.again = false;
        while (!this.stopped && (await this.publishPage()) === PAGE);
      } while (this.again && !this.stopped);
    } catch (error) {
      this.logger.warn(`Billing publish failed, retrying in ${RETRY_MS} ms: ${String(error)}`);
      if (!this.stopped) this.retry = setTimeout(() => void this.flush(), RETRY_MS);
    }
  }

  private async publishPage(): Promise<number> {
    const outbox = this.dataSource.getRepository(BillingOutboxRow);
    const pending = await outbox.find({ where: { published: false }, order: { transactionId: 'ASC' }, take: PAGE });
    await Promise.all(
      pending.map(({ transactionId, body }) => this.js.publish(this.subjects.billingCompleted, codec.encode(body), { msgID: String(transactionId) })),
    );
    if (pending.length) await outbox.update({ transactionId: In(pending.map((row) => row.transactionId)) }, { published: true });
    return pending.length;
  }
}
