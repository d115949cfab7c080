import { In, type DataSource, type EntityManager } from 'typeorm';
import type { LoadedRows, ProjectionWrites, RowsToLoad } from '@voltstream/domain';
import {
  BillingOutboxRow,
  ChargePointRow,
  ConnectorRow,
  deleteRows,
  LocalTagRow,
  MeterValueRow,
  ProjectionCheckpointRow,
  TagRow,
  TransactionRow,
  upsertRows,
} from '@voltstream/read-models';

/** The tables this projection owns: emptied by a rebuild. The billing outbox is not among them. */
const PROJECTED_TABLES = ['charge_points', 'connectors', 'transactions', 'meter_values', 'tags', 'local_tags'];

/** The rows a batch reads, and those it leaves to write, with the checkpoint, in one transaction. */
export class ReadModelStore {
  constructor(private readonly dataSource: DataSource, private readonly projection: string) {}

  async checkpoint(): Promise<number> {
    const row = await this.dataSource.getRepository(ProjectionCheckpointRow).findOneBy({ projection: this.projection });
    return row?.sequence ?? 0;
  }

  /** Runs `work` in one database transaction that also moves the checkpoint to `sequence`. */
  async inTransaction(sequence: number, work: (manager: EntityManager) => Promise<void>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await work(manager);
      await upsertRows(manager, ProjectionCheckpointRow, [{ projection: this.projection, sequence }], 'update');
    });
  }

  async load(manager: EntityManager, keys: RowsToLoad): Promise<LoadedRows> {
    const identities = keys.identities;
    const chargePoints = identities.length ? await manager.findBy(ChargePointRow, { identity: In(identities) }) : [];
    const connectors = identities.length ? await manager.findBy(ConnectorRow, { chargePointIdentity: In(identities) }) : [];
    const running = connectors.filter((connector) => connector.transaction && connector.transactionId !== null).map((connector) => connector.transactionId as number);
    const transactionIds = [...new Set([...keys.transactionIds, ...running])];
    const transactions = transactionIds.length ? await manager.findBy(TransactionRow, { transactionId: In(transactionIds) }) : [];
    return { chargePoints, connectors, transactions };
  }

  async write(manager: EntityManager, writes: ProjectionWrites): Promise<void> {
    const forgotten = writes.forgottenChargePoints;
    await deleteRows(manager, ChargePointRow, writes.removedChargePoints.map((identity) => ({ identity })));
    if (forgotten.length) {
      await manager.delete(ConnectorRow, { chargePointIdentity: In(forgotten) });
      await manager.delete(LocalTagRow, { chargePointIdentity: In(forgotten) });
    }
    await upsertRows(manager, ChargePointRow, writes.chargePoints as ChargePointRow[], 'update');
    await upsertRows(manager, ConnectorRow, writes.connectors as ConnectorRow[], 'update');
    await upsertRows(manager, TransactionRow, writes.transactions, 'update');
    await upsertRows(manager, MeterValueRow, writes.meterValues as MeterValueRow[], 'ignore');
    await deleteRows(manager, TagRow, writes.removedTags.map((idTag) => ({ idTag })));
    await upsertRows(manager, TagRow, writes.tags, 'update');
    await deleteRows(manager, LocalTagRow, writes.removedLocalTags);
    await upsertRows(manager, LocalTagRow, writes.localTags, 'update');
    const completed = writes.completedTransactions.map((transaction) => ({ transactionId: transaction.transactionId, body: { ...transaction }, published: false }));
    await upsertRows(manager, BillingOutboxRow, completed, 'ignore');
  }

  /** Empties the projected tables and forgets the checkpoint: the next run replays from the start. */
  async reset(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`TRUNCATE ${PROJECTED_TABLES.join(', ')} RESTART IDENTITY`);
      await manager.delete(ProjectionCheckpointRow, { projection: this.projection });
    });
  }
}
