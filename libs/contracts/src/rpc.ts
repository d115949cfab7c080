import type { BootInfo } from './charging';
import {
  authorizationStatus,
  BOOT_INFO_OPTIONAL_FIELDS,
  ID_TAG_MAX,
  IDENTITY_MAX,
  registrationStatus,
  tagOwner,
  TEXT_MAX,
} from './charging-data';
import { parseJson } from './contract';
import { boolean, integer, jsonObject, nullable, object, oneOf, string, union, type Infer, type Schema } from './schema';

/**
 * Request/reply messages between the gateway and the authorization service (NestJS microservice,
 * NATS transport, queue group: several replicas answer alike), and their envelope:
 * - a request is the JSON of its request message, nothing around it: the subject names the
 *   operation and the NATS reply subject carries the answer back;
 * - a reply is `{ "kind": "reply", "reply": … }`, or `{ "kind": "error", "code", "message" }` when
 *   the request did not fit its contract (`invalid-request`) or the service could not decide (`failed`).
 * Both sides parse what they receive against these schemas (docs/architecture.md, Subjects).
 */
const identity = string({ min: 1, max: IDENTITY_MAX });
/** OCPP 1.6's schemas allow an empty idTag, vendor and model: the decision is the service's, not the contract's. */
const idTag = string({ max: ID_TAG_MAX });
const text = string({ min: 1, max: TEXT_MAX });
const wallboxText = string({ max: TEXT_MAX });

const idTagInfo = object({ status: authorizationStatus }, { expiryDate: string(), parentIdTag: string() });
export type IdTagInfo = Infer<typeof idTagInfo>;

const bootInfo: Schema<BootInfo> = object({ vendor: wallboxText, model: wallboxText }, BOOT_INFO_OPTIONAL_FIELDS);
const bootRequest = object({ identity, boot: bootInfo });
const bootReply = object({ status: registrationStatus, interval: integer(0) });
export type BootRequest = Infer<typeof bootRequest>;
/** `interval`: heartbeat interval in seconds. */
export type BootReply = Infer<typeof bootReply>;

const authorizeRequest = object({ identity, idTag });
const authorizeReply = object({ idTagInfo });
export type AuthorizeRequest = Infer<typeof authorizeRequest>;
export type AuthorizeReply = Infer<typeof authorizeReply>;

const startTransactionRequest = object(
  { identity, connectorId: integer(1), idTag, meterStart: integer(), timestamp: text },
  { reservationId: integer() },
);
/** `transactionId` is the same for the same start sent again: starts are idempotent. */
const startTransactionReply = object({ transactionId: integer(1), idTagInfo, tagOwner: nullable(tagOwner) });
export type StartTransactionRequest = Infer<typeof startTransactionRequest>;
export type StartTransactionReply = Infer<typeof startTransactionReply>;

/** Any 32-bit transaction id: one the CSMS never handed out is answered as unknown, not refused. */
const stopTransactionRequest = object(
  { identity, transactionId: integer(), meterStop: integer(), timestamp: text },
  { idTag, reason: text },
);
/** `idTagInfo` is present when the stop carried an idTag; `known` is false for an unknown transaction. */
const stopTransactionReply = object({ known: boolean() }, { idTagInfo });
export type StopTransactionRequest = Infer<typeof stopTransactionRequest>;
export type StopTransactionReply = Infer<typeof stopTransactionReply>;

/** Each RPC by its key in `subjects.rpc`. */
interface RpcMessages {
  boot: { request: BootRequest; reply: BootReply };
  authorize: { request: AuthorizeRequest; reply: AuthorizeReply };
  startTransaction: { request: StartTransactionRequest; reply: StartTransactionReply };
  stopTransaction: { request: StopTransactionRequest; reply: StopTransactionReply };
}
export type RpcName = keyof RpcMessages;
export type RpcRequest<Name extends RpcName> = RpcMessages[Name]['request'];
export type RpcReply<Name extends RpcName> = RpcMessages[Name]['reply'];

const REQUESTS: { [Name in RpcName]: Schema<RpcRequest<Name>> } = {
  boot: bootRequest,
  authorize: authorizeRequest,
  startTransaction: startTransactionRequest,
  stopTransaction: stopTransactionRequest,
};

export const RPC_ERROR_CODES = ['invalid-request', 'failed'] as const;
export type RpcErrorCode = (typeof RPC_ERROR_CODES)[number];

const rpcError = object({ code: oneOf(RPC_ERROR_CODES), message: string() });
export type RpcError = Infer<typeof rpcError>;

function replyEnvelope<Reply>(reply: Schema<Reply>) {
  return union('kind', { reply: object({ reply }), error: rpcError });
}
export type RpcReplyEnvelope<Reply> = Infer<ReturnType<typeof replyEnvelope<Reply>>>;

const REPLY_ENVELOPES: { [Name in RpcName]: Schema<RpcReplyEnvelope<RpcReply<Name>>> } = {
  boot: replyEnvelope(bootReply),
  authorize: replyEnvelope(authorizeReply),
  startTransaction: replyEnvelope(startTransactionReply),
  stopTransaction: replyEnvelope(stopTransactionReply),
};

/** The request of `name` as received (JSON), or a counted ContractError naming the field that does not fit. */
export function parseRpcRequest<Name extends RpcName>(name: Name, data: Uint8Array): RpcRequest<Name> {
  return parseJson(`${name} request`, REQUESTS[name], data);
}

/** The reply envelope of `name` as received (JSON), or a counted ContractError. */
export function parseRpcReply<Name extends RpcName>(name: Name, data: Uint8Array): RpcReplyEnvelope<RpcReply<Name>> {
  return parseJson(`${name} reply`, REPLY_ENVELOPES[name], data);
}

export function rpcReply<Reply>(reply: Reply): RpcReplyEnvelope<Reply> {
  return { kind: 'reply', reply };
}

export function rpcFailure(code: RpcErrorCode, message: string): RpcReplyEnvelope<never> {
  return { kind: 'error', code, message };
}

/**
 * A CSMS-initiated OCPP call to one wallbox, sent as a NATS request on
 * `subjects.command(gatewayId, identity)` to the pod that recorded its latest connection. No
 * responder means that pod is gone: the wallbox is offline. The payload is checked by the gateway
 * against the OCPP schema of the action.
 */
const wallboxCommand = object({ action: string({ min: 1, max: TEXT_MAX }), payload: jsonObject() });
export type WallboxCommand = Infer<typeof wallboxCommand>;

const wallboxCommandReply = union('outcome', {
  result: object({ payload: jsonObject() }),
  callError: object({ code: string(), description: string(), details: jsonObject() }),
  invalid: object({ reason: string() }),
  timeout: object({}),
  offline: object({}),
});
export type WallboxCommandReply = Infer<typeof wallboxCommandReply>;

export function parseWallboxCommand(data: Uint8Array): WallboxCommand {
  return parseJson('wallbox command', wallboxCommand, data);
}

export function parseWallboxCommandReply(data: Uint8Array): WallboxCommandReply {
  return parseJson('wallbox command reply', wallboxCommandReply, data);
}

/**
 * Published (core NATS) by a gateway pod when it accepts a connection; older holders close theirs.
 * `connectedAt`: epoch milliseconds of the handshake; the newest connection wins, ties broken by connectionId.
 */
const connectionClaim = object({
  identity: string({ min: 1 }),
  connectionId: string({ min: 1 }),
  gatewayId: string({ min: 1 }),
  connectedAt: integer(0, Number.MAX_SAFE_INTEGER),
});
export type ConnectionClaim = Infer<typeof connectionClaim>;

export function parseConnectionClaim(data: Uint8Array): ConnectionClaim {
  return parseJson('connection claim', connectionClaim, data);
}
