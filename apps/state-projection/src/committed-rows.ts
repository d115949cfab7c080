import { noRows, type LoadedRows, type ProjectedChargePoint, type ProjectedConnector, type ProjectedLocalListSync, type ProjectedTransaction, type RowsToLoad } from '@voltstream/domain';

/** What the database holds for one identity: its charge point (if any) and all its connectors. */
interface IdentityRows {
  chargePoint: ProjectedChargePoint | undefined;
  connectors: ProjectedConnector[];
  localListSync: ProjectedLocalListSync | undefined;
  mayHoldChargingProfiles: boolean;
}

/**
 * The charge points, connectors and running transactions as the last committed batches left
 * them, kept between batches so that a batch reads from the database only what it has not seen.
 * Sound because the projection is the only writer of these tables (one instance, stopped during a
 * rebuild); whoever doubts a commit — a batch that failed may or may not have been committed —
 * clears it. A stopped transaction is not kept: later events rarely touch it again. Nor is a
 * reservation: few events name one, and those are read from the database.
 */
export class CommittedRows {
  private readonly identities = new Map<string, IdentityRows>();
  private readonly running = new Map<number, ProjectedTransaction>();

  /** The rows for `keys`: those known here, the rest from `read`. */
  async rowsFor(keys: RowsToLoad, read: (missing: RowsToLoad) => Promise<LoadedRows>): Promise<LoadedRows> {
    const known: LoadedRows = noRows();
    const missing: RowsToLoad = { identities: [], transactionIds: [], reservationIds: keys.reservationIds };
    const transactionIds = new Set(keys.transactionIds);
    for (const identity of keys.identities) {
      const rows = this.identities.get(identity);
      if (!rows) {
        missing.identities.push(identity);
        continue;
      }
      if (rows.chargePoint) known.chargePoints.push(rows.chargePoint);
      known.connectors.push(...rows.connectors);
      if (rows.localListSync) known.localListSyncs.push(rows.localListSync);
      if (rows.mayHoldChargingProfiles) known.chargingProfileHolders.push(identity);
      for (const connector of rows.connectors) if (connector.transaction && connector.transactionId !== null) transactionIds.add(connector.transactionId);
    }
    for (const transactionId of transactionIds) {
      const transaction = this.running.get(transactionId);
      if (transaction) known.transactions.push(transaction);
      else missing.transactionIds.push(transactionId);
    }
    if (missing.identities.length + missing.transactionIds.length + missing.reservationIds.length === 0) return known;
    const loaded = await read(missing);
    return {
      chargePoints: [...known.chargePoints, ...loaded.chargePoints],
      connectors: [...known.connectors, ...loaded.connectors],
      transactions: [...known.transactions, ...loaded.transactions],
      reservations: loaded.reservations,
      localListSyncs: [...known.localListSyncs, ...loaded.localListSyncs],
      chargingProfileHolders: [...known.chargingProfileHolders, ...loaded.chargingProfileHolders],
    };
  }

  /** After a commit: `rows` are what the database now holds for the identities of `keys`. */
  remember(keys: RowsToLoad, rows: LoadedRows): void {
    const holders = new Set(rows.chargingProfileHolders);
    const committed = new Map<string, IdentityRows>(
      keys.identities.map((identity) => [identity, { chargePoint: undefined, connectors: [], localListSync: undefined, mayHoldChargingProfiles: holders.has(identity) }]),
    );
    for (const chargePoint of rows.chargePoints) {
      const entry = committed.get(chargePoint.identity);
      if (entry) entry.chargePoint = chargePoint;
    }
    for (const connector of rows.connectors) committed.get(connector.chargePointIdentity)?.connectors.push(connector);
    for (const sync of rows.localListSyncs) {
      const entry = committed.get(sync.chargePointIdentity);
      if (entry) entry.localListSync = sync;
    }
    for (const [identity, entry] of committed) this.identities.set(identity, entry);
    for (const transaction of rows.transactions) {
      if (transaction.stoppedAt === null) this.running.set(transaction.transactionId, transaction);
      else this.running.delete(transaction.transactionId);
    }
  }

  clear(): void {
    this.identities.clear();
    this.running.clear();
  }
}
