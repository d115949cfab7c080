import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Completed transactions to publish for billing (SPEC §7), written with the projection's rows.
 * A row stays after it is published, so a rebuild of the read models never publishes again.
 */
@Entity({ name: 'billing_outbox' })
export class BillingOutboxRow {
  @PrimaryColumn({ name: 'transaction_id', type: 'integer' })
  transactionId: number;

  @Column({ type: 'jsonb' })
  body: Record<string, unknown>;

  @Column({ type: 'boolean', default: false })
  published: boolean;
}
