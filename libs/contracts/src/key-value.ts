import { parseJson } from './contract';
import { integer, object, string, type Infer } from './schema';

/**
 * The values of the KeyValue buckets (subjects.ts): read back from NATS, they are parsed like any
 * other message.
 */

/** `vs_gateway_leases`: a pod's lease; `claimedBy` is set by the watcher that found it lapsed. */
const leaseValue = object({ holder: string({ min: 1 }) }, { claimedBy: string({ min: 1 }) });
export type LeaseValue = Infer<typeof leaseValue>;

export function parseLeaseValue(data: Uint8Array): LeaseValue {
  return parseJson('lease', leaseValue, data);
}

/** `vs_transactions`, `tx.<id>`: what StopTransaction needs to know about a transaction the CSMS handed out. */
const transactionRecord = object({ identity: string({ min: 1 }), connectorId: integer(1), idTag: string({ min: 1 }) });
export type TransactionRecord = Infer<typeof transactionRecord>;

export function parseTransactionRecord(data: Uint8Array): TransactionRecord {
  return parseJson('transaction record', transactionRecord, data);
}
