import type { TagOwner } from './charging';

/** The body of `billing.transaction.completed` (SPEC §7): the Transaction of SPEC §5 without meter values. */
export interface CompletedTransaction {
  transactionId: number;
  chargePointIdentity: string;
  connectorId: number | null;
  idTag: string | null;
  tagOwner: TagOwner | null;
  authorizationStatus: string | null;
  meterStart: number | null;
  meterEnd: number;
  consumption: number;
  startedAt: string | null;
  stoppedAt: string;
  stopReason: string;
}
