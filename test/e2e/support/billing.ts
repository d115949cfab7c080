import { AckPolicy, DeliverPolicy, type ConsumerMessages, type NatsConnection } from 'nats';
import { subjectsFor } from '@voltstream/contracts';
import { connectNats } from '@voltstream/nats';
import type { System } from './system';
import type { TransactionView } from './views';

/** The body of `billing.transaction.completed` (SPEC §7): the transaction without meter values. */
export type CompletedTransaction = Omit<TransactionView, 'known'>;

/** A billing system: a durable JetStream consumer of the billing stream, from its beginning. */
export class BillingSubscriber {
  private constructor(
    private readonly nc: NatsConnection,
    private readonly messages: ConsumerMessages,
    /** Every message delivered, in order of arrival. */
    readonly received: readonly CompletedTransaction[],
  ) {}

  static async start(system: System, name = 'e2e-billing'): Promise<BillingSubscriber> {
    const subjects = subjectsFor(system.namespace);
    const nc = await connectNats(system.env.NATS_URL, name);
    const jsm = await nc.jetstreamManager();
    await jsm.consumers.add(subjects.billingStream, {
      durable_name: name,
      filter_subject: subjects.billingCompleted,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
    });
    const consumer = await nc.jetstream().consumers.get(subjects.billingStream, name);
    const received: CompletedTransaction[] = [];
    const messages = await consumer.consume({
      callback: (message) => {
        received.push(message.json<CompletedTransaction>());
        message.ack();
      },
    });
    return new BillingSubscriber(nc, messages, received);
  }

  /** How often this transaction was delivered. */
  deliveries(transactionId: number): number {
    return this.received.filter((transaction) => transaction.transactionId === transactionId).length;
  }

  async close(): Promise<void> {
    await this.messages.close();
    await this.nc.close();
  }
}
