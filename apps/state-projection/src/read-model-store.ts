import { In, type DataSource, type EntityManager } from 'typeorm';
import type { LoadedRows, ProjectionWrites, RowsToLoad } from '@voltstream/domain';
import {
  BillingOutboxRow,
  ChargePointRow,
  ChargingProfileRow,
  combinedUpserts,
  ConnectorRow,
  DataTransferRow,
  SecurityEventRow,
  deleteRows,
  LocalListSyncRow,
  LocalTagRow,
  MeterValueRow,
  ParkedEventRow,
  prepared,
  ProjectionCheckpointRow,
  ReservationRow,
  TagRow,
  TransactionRow,
  withConnection,
  type Statement,
} from '@voltstream/read-models';
import { applyChargingProfileChanges } from './charging-profile-writes';
import type { Checkpoint } from './checkpoint';

/** The tables this projection owns: emptied by a rebuild. The billing outbox is not among them. */
const PROJECTED_TABLES = ['charge_points', 'connectors', 'transactions', 'meter_values', 'tags', 'local_tags', 'reservations', 'charging_profiles', 'data_transfers', 'local_list_sync'];

/** Deletions, and the charging profile changes (applied one after the other, in log order), take a transaction. */
function hasDeletions(writes: ProjectionWrites): boolean {
  const { forgottenChargePoints, removedChargePoints, removedTags, removedLocalTags, chargingProfiles } = writes;
  return forgottenChargePoints.length + removedChargePoints.length + removedTags.length + removedLocalTags.length + chargingProfiles.length > 0;
}

/** The rows a batch reads, and those it leaves to write, with the checkpoint, atomically. */
export class ReadModelStore {
  constructor(private readonly dataSource: DataSource, private readonly projection: string) {}

  async checkpoint(): Promise<Checkpoint> {
    const row = await this.dataSource.getRepository(ProjectionCheckpointRow).findOneBy({ projection: this.projection });
    return { sequence: row?.sequence ?? 0, appliedAbove: row?.appliedAbove ?? [] };
  }

  /** The charge points and connectors of these identities, and which hold charging profiles; these transactions and those running on the connectors; these reservations. */
  async load(keys: RowsToLoad): Promise<LoadedRows> {
    const { manager } = this.dataSource;
    const identities = keys.identities;
    const chargePoints = identities.length ? await manager.findBy(ChargePointRow, { identity: In(identities) }) : [];
    const connectors = identities.length ? await manager.findBy(ConnectorRow, { chargePointIdentity: In(identities) }) : [];
    const running = connectors.filter((connector) => connector.transaction && connector.transactionId !== null).map((connector) => connector.transactionId as number);
    const transactionIds = [...new Set([...keys.transactionIds, ...running])];
    const transactions = transactionIds.length ? await manager.findBy(TransactionRow, { transactionId: In(transactionIds) }) : [];
    const reservations = keys.reservationIds.length ? await manager.findBy(ReservationRow, { reservationId: In(keys.reservationIds) }) : [];
    const localListSyncs = identities.length ? await manager.findBy(LocalListSyncRow, { chargePointIdentity: In(identities) }) : [];
    return { chargePoints, connectors, transactions, reservations, localListSyncs, chargingProfileHolders: await this.chargingProfileHolders(identities) };
  }

  private async chargingProfileHolders(identities: string[]): Promise<string[]> {
    if (!identities.length) return [];
    const rows: { identity: string }[] = await this.dataSource.query(
      'SELECT DISTINCT charge_point_identity AS identity FROM charging_profiles WHERE charge_point_identity = ANY($1)',
      [identities],
    );
    return rows.map((row) => row.identity);
  }

  /**
   * Writes a batch, the events it parks and the checkpoint, atomically. The rows to save go in one
   * prepared statement (a few dozen shapes, by which tables a batch writes, each planned once per
   * connection), which is one round trip and needs no transaction of its own; only a batch
   * that also deletes rows (forgotten charge points, removed tags: operator actions, rare) or
   * changes charging profiles (in log order, statement after statement) takes one.
   */
  async commit(writes: ProjectionWrites, checkpoint: Checkpoint, parked: readonly Omit<ParkedEventRow, 'id'>[]): Promise<void> {
    const saves = prepared(this.saves(writes, checkpoint, parked));
    await withConnection(this.dataSource, async (runner, client) => {
      if (!hasDeletions(writes)) {
        await client.query(saves);
        return;
      }
      await runner.startTransaction();
      try {
        await this.delete(runner.manager, writes);
        await client.query(saves);
        await runner.commitTransaction();
      } catch (error) {
        await runner.rollbackTransaction();
        throw error;
      }
    });
  }

  /** Empties the projected tables and forgets the checkpoint: the next run replays from the start. */
  async reset(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`TRUNCATE ${PROJECTED_TABLES.join(', ')} RESTART IDENTITY`);
      await manager.delete(ProjectionCheckpointRow, { projection: this.projection });
    });
  }

  /** Rows saved after a forgetting follow it: the deletions go first. */
  private async delete(manager: EntityManager, writes: ProjectionWrites): Promise<void> {
    const forgotten = writes.forgottenChargePoints;
    await deleteRows(manager, ChargePointRow, writes.removedChargePoints.map((identity) => ({ identity })));
    if (forgotten.length) {
      await manager.delete(ConnectorRow, { chargePointIdentity: In(forgotten) });
      await manager.delete(LocalTagRow, { chargePointIdentity: In(forgotten) });
      await manager.delete(ChargingProfileRow, { chargePointIdentity: In(forgotten) });
    }
    await deleteRows(manager, TagRow, writes.removedTags.map((idTag) => ({ idTag })));
    await deleteRows(manager, LocalTagRow, writes.removedLocalTags);
    await applyChargingProfileChanges(manager, writes.chargingProfiles);
  }

  private saves(writes: ProjectionWrites, checkpoint: Checkpoint, parked: readonly Omit<ParkedEventRow, 'id'>[]): Statement {
    const completed = writes.completedTransactions.map((transaction) => ({ transactionId: transaction.transactionId, body: { ...transaction }, published: false }));
    return combinedUpserts(this.dataSource, [
      { entity: ChargePointRow, rows: writes.chargePoints, onConflict: 'update' },
      { entity: ConnectorRow, rows: writes.connectors, onConflict: 'update' },
      { entity: TransactionRow, rows: writes.transactions, onConflict: 'update' },
      { entity: MeterValueRow, rows: writes.meterValues, onConflict: 'ignore' },
      { entity: DataTransferRow, rows: writes.dataTransfers, onConflict: 'ignore' },
      { entity: SecurityEventRow, rows: writes.securityEvents, onConflict: 'ignore' },
      { entity: TagRow, rows: writes.tags, onConflict: 'update' },
      { entity: LocalTagRow, rows: writes.localTags, onConflict: 'update' },
      { entity: LocalListSyncRow, rows: writes.localListSyncs, onConflict: 'update' },
      { entity: BillingOutboxRow, rows: completed, onConflict: 'ignore' },
      { entity: ParkedEventRow, rows: parked as ParkedEventRow[], onConflict: 'ignore' },
      { entity: ReservationRow, rows: writes.reservations, onConflict: 'update' },
      { entity: ProjectionCheckpointRow, rows: [{ projection: this.projection, ...checkpoint }], onConflict: 'update' },
    ]);
  }
}
