import type { EventOf } from '@voltstream/contracts';
import type { ProjectionChange, ProjectionView } from './changes';
import { consumptionSince, newConnector, withRegisterReading } from './connector';
import { believableTime, latestRegisterWh, meterValueRecords } from './meter';
import type { ProjectedConnector, ProjectedTransaction } from './records';
import type { CompletedTransaction } from '@voltstream/contracts';

/** OCPP 1.6: a StopTransaction may leave out the reason only when it is "Local". */
const DEFAULT_STOP_REASON = 'Local';

function receivedAt(event: { metadata: { recordedAt: string } }): Date {
  return new Date(event.metadata.recordedAt);
}

/**
 * The connector charges, and its meter reading is meterStart (the register at the start);
 * a start sent again (same transaction id, e.g. replayed after a reconnect) changes nothing.
 */
export function transactionStarted(identity: string, event: EventOf<'TransactionStarted'>, current: ProjectionView): ProjectionChange[] {
  if (current.transaction(event.data.transactionId)) return [];
  const { transactionId, connectorId, idTag, meterStart, timestamp, authorizationStatus, tagOwner } = event.data;
  const transaction: ProjectedTransaction = {
    transactionId,
    chargePointIdentity: identity,
    connectorId,
    idTag,
    tagOwner,
    authorizationStatus,
    meterStart,
    meterEnd: null,
    consumption: 0,
    startedAt: believableTime(timestamp, receivedAt(event)),
    stoppedAt: null,
    stopReason: null,
    transactionData: null,
    known: true,
  };
  const changes: ProjectionChange[] = [{ type: 'transactionSaved', row: transaction }];
  if (connectorId < 1) return changes;
  const connector = current.connector(identity, connectorId) ?? newConnector(identity, connectorId);
  const charging: ProjectedConnector = {
    ...withRegisterReading(connector, meterStart),
    transaction: true,
    transactionId,
    transactionMeterStart: meterStart,
    transactionMeterEnd: null,
    transactionIdTag: idTag,
    transactionConsumption: 0,
  };
  return [{ type: 'connectorSaved', row: charging }, ...changes];
}

function completedTransaction(transaction: ProjectedTransaction & { meterEnd: number; stoppedAt: Date; stopReason: string }): CompletedTransaction {
  return {
    transactionId: transaction.transactionId,
    chargePointIdentity: transaction.chargePointIdentity,
    connectorId: transaction.connectorId,
    idTag: transaction.idTag,
    tagOwner: transaction.tagOwner,
    authorizationStatus: transaction.authorizationStatus,
    meterStart: transaction.meterStart,
    meterEnd: transaction.meterEnd,
    consumption: transaction.consumption,
    startedAt: transaction.startedAt?.toISOString() ?? null,
    stoppedAt: transaction.stoppedAt.toISOString(),
    stopReason: transaction.stopReason,
  };
}

function unknownTransaction(identity: string, event: EventOf<'TransactionStopped'>): ProjectedTransaction {
  return {
    transactionId: event.data.transactionId,
    chargePointIdentity: identity,
    connectorId: null,
    idTag: event.data.idTag ?? null,
    tagOwner: null,
    authorizationStatus: null,
    meterStart: null,
    meterEnd: null,
    consumption: 0,
    startedAt: null,
    stoppedAt: null,
    stopReason: null,
    transactionData: null,
    known: false,
  };
}

/** The connector that still shows this transaction: it ends there too. */
function endedOnConnector(transaction: ProjectedTransaction, event: EventOf<'TransactionStopped'>, current: ProjectionView): ProjectionChange[] {
  if (transaction.connectorId === null) return [];
  const connector = current.connector(transaction.chargePointIdentity, transaction.connectorId);
  if (!connector || connector.transactionId !== transaction.transactionId) return [];
  const { meterStop, transactionData = [] } = event.data;
  const ended: ProjectedConnector = {
    ...withRegisterReading(connector, latestRegisterWh(transactionData) ?? meterStop),
    transaction: false,
    transactionMeterEnd: meterStop,
    transactionConsumption: transaction.consumption,
  };
  return [{ type: 'connectorSaved', row: ended }];
}

/**
 * Completes the transaction; a stop for one the CSMS never saw started is recorded with
 * known=false (and not billed); a second stop changes nothing.
 */
export function transactionStopped(identity: string, event: EventOf<'TransactionStopped'>, current: ProjectionView): ProjectionChange[] {
  const { transactionId, meterStop, timestamp, reason, transactionData } = event.data;
  const existing = current.transaction(transactionId);
  if (existing && (existing.stoppedAt !== null || existing.chargePointIdentity !== identity)) return [];
  const started = existing ?? unknownTransaction(identity, event);
  const stopped = {
    ...started,
    meterEnd: meterStop,
    consumption: started.meterStart === null ? 0 : consumptionSince(started.meterStart, meterStop),
    stoppedAt: believableTime(timestamp, receivedAt(event)),
    stopReason: reason ?? DEFAULT_STOP_REASON,
    transactionData: transactionData ?? null,
  };
  const samples = meterValueRecords(transactionData ?? [], {
    chargePointIdentity: identity,
    connectorId: stopped.connectorId ?? 0,
    transactionId,
    receivedAt: receivedAt(event),
  });
  return [
    { type: 'transactionSaved', row: stopped },
    ...(samples.length ? [{ type: 'meterValuesRecorded' as const, rows: samples }] : []),
    ...endedOnConnector(stopped, event, current),
    ...(stopped.known ? [{ type: 'transactionCompleted' as const, transaction: completedTransaction(stopped) }] : []),
  ];
}

function liveTransaction(
  connector: ProjectedConnector,
  registerWh: number,
  current: ProjectionView,
): { connector: ProjectedConnector; changes: ProjectionChange[] } {
  const transactionConsumption = consumptionSince(connector.transactionMeterStart, registerWh);
  const transaction = connector.transactionId === null ? undefined : current.transaction(connector.transactionId);
  const changes: ProjectionChange[] =
    transaction && transaction.stoppedAt === null
      ? [{ type: 'transactionSaved', row: { ...transaction, consumption: transactionConsumption } }]
      : [];
  return { connector: { ...connector, transactionConsumption }, changes };
}

/**
 * History rows for every sampled value; the connector's meter reading and, while it charges,
 * the live consumption of its transaction. Samples without a transaction id belong to the
 * transaction running on the connector.
 */
export function meterValuesReported(identity: string, event: EventOf<'MeterValuesReported'>, current: ProjectionView): ProjectionChange[] {
  const { connectorId, transactionId, meterValue } = event.data;
  const connector = connectorId >= 1 ? (current.connector(identity, connectorId) ?? newConnector(identity, connectorId)) : undefined;
  const runningTransactionId = connector?.transaction ? connector.transactionId : null;
  const samples = meterValueRecords(meterValue, {
    chargePointIdentity: identity,
    connectorId,
    transactionId: transactionId ?? runningTransactionId,
    receivedAt: receivedAt(event),
  });
  const history: ProjectionChange[] = samples.length ? [{ type: 'meterValuesRecorded', rows: samples }] : [];
  if (!connector) return history;
  const registerWh = latestRegisterWh(meterValue);
  const read = withRegisterReading(connector, registerWh);
  const isLive = registerWh !== undefined && runningTransactionId !== null && (transactionId ?? runningTransactionId) === runningTransactionId;
  if (!isLive) return [...history, { type: 'connectorSaved', row: read }];
  const live = liveTransaction(read, registerWh, current);
  return [...history, { type: 'connectorSaved', row: live.connector }, ...live.changes];
}
