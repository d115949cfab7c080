import type { AuthorizationStatus, BootInfo, RegistrationStatus, TagOwner } from './charging';

/**
 * Request/reply messages between the gateway and the authorization service
 * (NestJS microservice, NATS transport, queue group: several replicas answer alike).
 */
export interface IdTagInfo {
  status: AuthorizationStatus;
  expiryDate?: string;
  parentIdTag?: string;
}

export interface BootRequest {
  identity: string;
  boot: BootInfo;
}
export interface BootReply {
  status: RegistrationStatus;
  /** Heartbeat interval in seconds. */
  interval: number;
}

export interface AuthorizeRequest {
  identity: string;
  idTag: string;
}
export interface AuthorizeReply {
  idTagInfo: IdTagInfo;
}

export interface StartTransactionRequest {
  identity: string;
  connectorId: number;
  idTag: string;
  meterStart: number;
  timestamp: string;
  reservationId?: number;
}
export interface StartTransactionReply {
  /** The same for the same start sent again: starts are idempotent. */
  transactionId: number;
  idTagInfo: IdTagInfo;
  tagOwner: TagOwner | null;
}

export interface StopTransactionRequest {
  identity: string;
  transactionId: number;
  idTag?: string;
  meterStop: number;
  timestamp: string;
  reason?: string;
}
export interface StopTransactionReply {
  /** Present when the stop carried an idTag. */
  idTagInfo?: IdTagInfo;
  /** false when the transaction is unknown; the stop is answered and recorded all the same. */
  known: boolean;
}

/**
 * A CSMS-initiated OCPP call to one wallbox, sent as a NATS request on
 * `subjects.command(gatewayId, identity)` to the pod that recorded its latest connection. No
 * responder means that pod is gone: the wallbox is offline.
 */
export interface WallboxCommand {
  action: string;
  payload: Record<string, unknown>;
}

export type WallboxCommandReply =
  | { outcome: 'result'; payload: Record<string, unknown> }
  | { outcome: 'callError'; code: string; description: string; details: Record<string, unknown> }
  | { outcome: 'invalid'; reason: string }
  | { outcome: 'timeout' }
  | { outcome: 'offline' };

/** Published (core NATS) by a gateway pod when it accepts a connection; older holders close theirs. */
export interface ConnectionClaim {
  identity: string;
  connectionId: string;
  gatewayId: string;
  /** Epoch milliseconds of the handshake; the newest connection wins, ties broken by connectionId. */
  connectedAt: number;
}
