/** A transaction the wallbox ran while the central system was unreachable, to report once connected again. */
export interface OfflineTransaction {
  /** The wallbox's own (negative) id until StartTransaction.conf gives the real one. */
  localId: number;
  connectorId: number;
  idTag: string;
  meterStart: number;
  startedAt: Date;
  stop?: { meterStop: number; stoppedAt: Date };
}

/** Offline transactions in the order they happened (OCPP 1.6 §3.4.1: sent in order after the reconnection). */
export class OfflineTransactions {
  private readonly queue: OfflineTransaction[] = [];
  private lastLocalId = 0;

  get pending(): number {
    return this.queue.length;
  }

  begin(connectorId: number, idTag: string, meterStart: number, startedAt: Date): OfflineTransaction {
    const transaction = { localId: --this.lastLocalId, connectorId, idTag, meterStart, startedAt };
    this.queue.push(transaction);
    return transaction;
  }

  finish(localId: number, meterStop: number, stoppedAt: Date): void {
    const transaction = this.queue.find((each) => each.localId === localId);
    if (transaction) transaction.stop = { meterStop, stoppedAt };
  }

  /** Hands each queued transaction to `send` in order; one that fails stays queued with those after it. */
  async drain(send: (transaction: OfflineTransaction) => Promise<void>): Promise<void> {
    while (this.queue.length > 0) {
      await send(this.queue[0]);
      this.queue.shift();
    }
  }
}
