import type { ChargePointErrorCode, ChargePointStatus } from './ocpp-types';

export interface RunningTransaction {
  id: number;
  idTag: string;
  meterStartWh: number;
  /** Epoch milliseconds: a Relative charging schedule runs from here. */
  startedAt: number;
}

/** One connector as the wallbox knows it; index 0 stands for the wallbox as a whole. */
export interface ConnectorState {
  status: ChargePointStatus;
  errorCode: ChargePointErrorCode;
  /** ChangeAvailability's Operative/Inoperative; kept across reboots like on a real wallbox. */
  operative: boolean;
  /** An availability change asked for while a transaction ran: applied when it ends. */
  scheduledOperative: boolean | undefined;
  transaction: RunningTransaction | undefined;
  /** The energy meter's register in Wh; it only ever grows. */
  meterWh: number;
  /** A remote start waiting for a vehicle's cable until `dueAt` (ConnectionTimeOut). */
  awaitingCable: { idTag: string; dueAt: number } | undefined;
}

export function createConnectors(count: number): ConnectorState[] {
  return Array.from({ length: count + 1 }, () => ({
    status: 'Available',
    errorCode: 'NoError',
    operative: true,
    scheduledOperative: undefined,
    transaction: undefined,
    meterWh: 0,
    awaitingCable: undefined,
  }));
}

/** The status of a connector with no vehicle on it. */
export function restingStatus(connector: ConnectorState): ChargePointStatus {
  return connector.operative ? 'Available' : 'Unavailable';
}

export function connectorOfTransaction(connectors: ConnectorState[], transactionId: number): number | undefined {
  const index = connectors.findIndex((connector) => connector.transaction?.id === transactionId);
  return index > 0 ? index : undefined;
}

/** Where a remote start may begin: the named connector, or the first free one; `allowed` says where its reservations let it. */
export function connectorForRemoteStart(connectors: ConnectorState[], requested: number | undefined, allowed: (id: number) => boolean = () => true): number | undefined {
  const isFree = (id: number): boolean => {
    const connector = connectors[id];
    return id > 0 && connector !== undefined && !connector.transaction && ['Available', 'Preparing', 'Reserved'].includes(connector.status) && allowed(id);
  };
  if (requested !== undefined) return isFree(requested) ? requested : undefined;
  const index = connectors.findIndex((_, id) => isFree(id));
  return index > 0 ? index : undefined;
}
