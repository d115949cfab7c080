import type { TagEntry, TagOwner } from '@voltstream/contracts';

/** What the operator API answers (SPEC §5, §6), as far as the end-to-end tests read it. */

export interface ConnectorView {
  connectorId: number;
  meterValue: number | null;
  available: boolean;
  status: string;
  errorCode: string;
  transaction: boolean;
  transactionId: number | null;
  transactionMeterStart: number;
  transactionMeterEnd: number | null;
  transactionIdTag: string | null;
  transactionConsumption: number;
}

export interface ChargePointView {
  identity: string;
  state: 'discovered' | 'adopted';
  online: boolean;
  startMode: string | null;
  autoStartIdTag: string | null;
  lastIdTag: string | null;
  status: string | null;
  connectors: ConnectorView[];
}

export type TagOwnerView = TagOwner;

export interface TransactionView {
  transactionId: number;
  chargePointIdentity: string;
  connectorId: number | null;
  idTag: string | null;
  tagOwner: TagOwnerView | null;
  authorizationStatus: string | null;
  meterStart: number | null;
  meterEnd: number | null;
  consumption: number;
  startedAt: string | null;
  stoppedAt: string | null;
  stopReason: string | null;
  known: boolean;
}

export interface MeterValueView {
  timestamp: string;
  measurand: string;
  value: number | null;
  unit: string | null;
  phase: string | null;
  context: string | null;
  transactionId: number | null;
}

export interface TransactionDetailView extends TransactionView {
  meterValues: MeterValueView[];
}

export interface TransactionPage {
  items: TransactionView[];
  nextCursor: string | null;
}

export type TagView = TagEntry;

/** NestJS error bodies: a 400 lists its reasons, other errors carry one message. */
export interface ErrorBody {
  statusCode: number;
  error?: string;
  message: string | string[];
}
