/** What the API's GraphQL schema answers, as far as the dashboard reads it. */

export interface Connector {
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

export type ChargePointState = 'discovered' | 'adopted';

export interface ChargePoint {
  identity: string;
  state: ChargePointState;
  online: boolean;
  lastSeenAt: string | null;
  startMode: string | null;
  autoStartIdTag: string | null;
  vendor: string | null;
  model: string | null;
  serialNumber: string | null;
  firmwareVersion: string | null;
  lastIdTag: string | null;
  status: string | null;
  errorCode: string | null;
  connectors: Connector[];
}

export interface FleetPage {
  items: ChargePoint[];
  total: number;
  discovered: number;
  online: number;
}

export interface TagOwner {
  firstName: string;
  lastName: string;
  email: string;
}

export interface Tag extends TagOwner {
  idTag: string;
  info: string;
  expiresAt: string | null;
  blocked: boolean;
  parentIdTag: string | null;
}

export interface MeterValue {
  timestamp: string;
  measurand: string;
  value: number | null;
  unit: string | null;
  phase: string | null;
}

export interface Transaction {
  transactionId: number;
  chargePointIdentity: string;
  connectorId: number | null;
  idTag: string | null;
  tagOwner: TagOwner | null;
  meterStart: number | null;
  meterEnd: number | null;
  consumption: number;
  startedAt: string | null;
  stoppedAt: string | null;
  stopReason: string | null;
}

export interface TransactionDetail extends Transaction {
  meterValues: MeterValue[];
}

export interface TransactionPage {
  items: Transaction[];
  nextCursor: string | null;
}

export interface ConsumptionBucket {
  day: string;
  key: string;
  label: string;
  energyWh: number;
  transactions: number;
}

export interface ConfigurationKey {
  key: string;
  readonly: boolean;
  value: string | null;
}

export const START_MODES = ['auto', 'anyTag', 'centralList', 'localList', 'bothLists'] as const;
export const TRIGGER_MESSAGES = ['BootNotification', 'DiagnosticsStatusNotification', 'FirmwareStatusNotification', 'Heartbeat', 'MeterValues', 'StatusNotification'] as const;
