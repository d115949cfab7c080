import {
  createEvent,
  type DataTransferAnswer,
  type AuthorizeReply,
  type AuthorizeRequest,
  type BootInfo,
  type BootReply,
  type BootRequest,
  type CertificateSigningRequested,
  type StartTransactionReply,
  type StartTransactionRequest,
  type StationEvent,
  type StopTransactionReply,
  type StopTransactionRequest,
} from '@voltstream/contracts';
import { CHARGE_POINT_ACTIONS, type BootNotificationRequest, type ChargePointAction, type OcppRequest } from '@voltstream/ocpp';
import type { GatewayRegistration } from './gateway-registry';

/**
 * What the gateway does with each call a wallbox initiates: which decision it asks the
 * authorization service for, which event it records and what it answers.
 */
export type StationAction = ChargePointAction;
export type StationRequests = { [A in StationAction]: OcppRequest<A> };

/**
 * The decisions taken before answering: the authorization service's, one per action it decides,
 * and the gateway's own, from its view of the registry (no lookup per message).
 */
export interface StationDecisions {
  BootNotification: BootReply;
  Authorize: AuthorizeReply;
  StartTransaction: StartTransactionReply;
  StopTransaction: StopTransactionReply;
  DataTransfer: { status: DataTransferAnswer };
}
export type DecisionOf<A extends StationAction> = A extends keyof StationDecisions ? StationDecisions[A] : undefined;

/** The `subjects.rpc` key and body of a decision request. */
export type AuthorizationQuestion =
  | { rpc: 'boot'; request: BootRequest }
  | { rpc: 'authorize'; request: AuthorizeRequest }
  | { rpc: 'startTransaction'; request: StartTransactionRequest }
  | { rpc: 'stopTransaction'; request: StopTransactionRequest };

const STATION_ACTIONS: ReadonlySet<string> = new Set(CHARGE_POINT_ACTIONS);

export function isStationAction(action: string): action is StationAction {
  return STATION_ACTIONS.has(action);
}

/** One call with its decision, as a union the switches below can narrow. */
type StationCall = {
  [A in StationAction]: { action: A; payload: StationRequests[A]; decision: DecisionOf<A> };
}[StationAction];
/** Part of a StationCall, still narrowable by its action. */
type StationCallPart<K extends keyof StationCall> = StationCall extends infer C ? (C extends StationCall ? Pick<C, K> : never) : never;

function bootInfo(payload: BootNotificationRequest): BootInfo {
  return {
    vendor: payload.chargePointVendor,
    model: payload.chargePointModel,
    chargePointSerialNumber: payload.chargePointSerialNumber,
    chargeBoxSerialNumber: payload.chargeBoxSerialNumber,
    firmwareVersion: payload.firmwareVersion,
    iccid: payload.iccid,
    imsi: payload.imsi,
    meterType: payload.meterType,
    meterSerialNumber: payload.meterSerialNumber,
  };
}

/** The decision to ask for before answering, or undefined when the gateway answers alone. */
export function authorizationQuestion<A extends StationAction>(
  identity: string,
  action: A,
  payload: StationRequests[A],
): AuthorizationQuestion | undefined {
  const call = { action, payload } as StationCallPart<'action' | 'payload'>;
  switch (call.action) {
    case 'BootNotification':
      return { rpc: 'boot', request: { identity, boot: bootInfo(call.payload) } };
    case 'Authorize':
      return { rpc: 'authorize', request: { identity, idTag: call.payload.idTag } };
    case 'StartTransaction': {
      const { connectorId, idTag, meterStart, timestamp, reservationId } = call.payload;
      return { rpc: 'startTransaction', request: { identity, connectorId, idTag, meterStart, timestamp, reservationId } };
    }
    case 'StopTransaction': {
      const { transactionId, idTag, meterStop, timestamp, reason } = call.payload;
      return { rpc: 'stopTransaction', request: { identity, transactionId, idTag, meterStop, timestamp, reason } };
    }
    default:
      return undefined;
  }
}

/**
 * The decision the gateway takes alone, from the registration of the charge point (undefined
 * while it is not adopted): a DataTransfer from a vendor the operator accepts for it is Accepted.
 */
export function gatewayDecision<A extends StationAction>(
  action: A,
  payload: StationRequests[A],
  registration: GatewayRegistration | undefined,
): DecisionOf<A> | undefined {
  if (action !== 'DataTransfer') return undefined;
  const { vendorId } = payload as StationRequests['DataTransfer'];
  const accepted = registration?.acceptedDataTransferVendors.includes(vendorId) ?? false;
  return { status: accepted ? 'Accepted' : 'UnknownVendorId' } as DecisionOf<A>;
}

/**
 * The event that records a call; the decision, where there is one, is part of the fact.
 * `callId` is the call's JetStream message id (publishMessageId): a SignCertificate request is named by it.
 */
export function toEvent<A extends StationAction>(
  identity: string,
  action: A,
  payload: StationRequests[A],
  decision: DecisionOf<A>,
  now: Date,
  callId: string,
): StationEvent | CertificateSigningRequested {
  const call = { action, payload, decision } as StationCall;
  switch (call.action) {
    case 'BootNotification':
      return createEvent('ChargePointBooted', { ...bootInfo(call.payload), registrationStatus: call.decision.status }, identity, now);
    case 'Heartbeat':
      return createEvent('HeartbeatReceived', {}, identity, now);
    case 'StatusNotification': {
      const { connectorId, status, errorCode, info, vendorId, vendorErrorCode, timestamp } = call.payload;
      const data = { connectorId, status, errorCode, info, vendorId, vendorErrorCode, timestamp };
      return createEvent('ConnectorStatusChanged', data, identity, now);
    }
    case 'MeterValues': {
      const { connectorId, transactionId, meterValue } = call.payload;
      return createEvent('MeterValuesReported', { connectorId, transactionId, meterValue }, identity, now);
    }
    case 'Authorize': {
      const { status, expiryDate, parentIdTag } = call.decision.idTagInfo;
      const data = { idTag: call.payload.idTag, authorizationStatus: status, expiryDate, parentIdTag };
      return createEvent('IdTagPresented', data, identity, now);
    }
    case 'StartTransaction': {
      const { connectorId, idTag, meterStart, timestamp, reservationId } = call.payload;
      const { transactionId, idTagInfo, tagOwner } = call.decision;
      const data = { transactionId, connectorId, idTag, meterStart, timestamp, reservationId, authorizationStatus: idTagInfo.status, tagOwner };
      return createEvent('TransactionStarted', data, identity, now);
    }
    case 'StopTransaction': {
      const { transactionId, idTag, meterStop, timestamp, reason, transactionData } = call.payload;
      const data = { transactionId, idTag, meterStop, timestamp, reason, transactionData, known: call.decision.known };
      return createEvent('TransactionStopped', data, identity, now);
    }
    case 'DataTransfer': {
      const { vendorId, messageId, data } = call.payload;
      return createEvent('DataTransferReceived', { vendorId, messageId, data, status: call.decision.status }, identity, now);
    }
    case 'DiagnosticsStatusNotification':
      return createEvent('DiagnosticsStatusReported', { status: call.payload.status }, identity, now);
    case 'FirmwareStatusNotification':
      return createEvent('FirmwareStatusReported', { status: call.payload.status }, identity, now);
    case 'SecurityEventNotification': {
      const { type, timestamp, techInfo } = call.payload;
      return createEvent('SecurityEventReported', { type, timestamp, techInfo }, identity, now);
    }
    case 'LogStatusNotification':
      return createEvent('LogStatusReported', { status: call.payload.status, requestId: call.payload.requestId }, identity, now);
    case 'SignedFirmwareStatusNotification':
      return createEvent('SignedFirmwareStatusReported', { status: call.payload.status, requestId: call.payload.requestId }, identity, now);
    case 'SignCertificate':
      return createEvent('CertificateSigningRequested', { requestId: callId, csr: call.payload.csr }, identity, now);
    default: {
      const exhaustive: never = call;
      return exhaustive;
    }
  }
}

/** The CALLRESULT payload, sent only once the event is stored. */
export function confirmationFor<A extends StationAction>(action: A, decision: DecisionOf<A>, now: Date): Record<string, unknown> {
  const call = { action, decision } as StationCallPart<'action' | 'decision'>;
  switch (call.action) {
    case 'BootNotification':
      return { status: call.decision.status, currentTime: now.toISOString(), interval: call.decision.interval };
    case 'Heartbeat':
      return { currentTime: now.toISOString() };
    case 'Authorize':
      return { idTagInfo: call.decision.idTagInfo };
    case 'StartTransaction':
      return { transactionId: call.decision.transactionId, idTagInfo: call.decision.idTagInfo };
    case 'StopTransaction':
      return call.decision.idTagInfo ? { idTagInfo: call.decision.idTagInfo } : {};
    case 'DataTransfer':
      return { status: call.decision.status };
    case 'StatusNotification':
    case 'MeterValues':
    case 'DiagnosticsStatusNotification':
    case 'FirmwareStatusNotification':
    case 'SecurityEventNotification':
    case 'LogStatusNotification':
    case 'SignedFirmwareStatusNotification':
      return {};
    // Accepted once stored: the CSR is checked and signed after, by the signer (docs/architecture.md).
    case 'SignCertificate':
      return { status: 'Accepted' };
    default: {
      const exhaustive: never = call;
      return exhaustive;
    }
  }
}
