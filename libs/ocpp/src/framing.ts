import { OcppError } from './errors';
import { MAX_PAYLOAD_DEPTH, nestsDeeperThan } from './nesting';

/**
 * OCPP-J 1.6 framing (§4): every WebSocket message is a JSON array
 * `[MessageTypeId, UniqueId, ...]`, checked here field by field and nowhere else.
 */
export const CALL = 2;
export const CALL_RESULT = 3;
export const CALL_ERROR = 4;

/** OCPP-J 1.6 §4.1.4: a unique id is at most 36 characters (room for a GUID). */
export const MAX_UNIQUE_ID_LENGTH = 36;

export interface CallFrame {
  messageType: typeof CALL;
  uniqueId: string;
  action: string;
  payload: Record<string, unknown>;
}

export interface CallResultFrame {
  messageType: typeof CALL_RESULT;
  uniqueId: string;
  payload: Record<string, unknown>;
}

export interface CallErrorFrame {
  messageType: typeof CALL_ERROR;
  uniqueId: string;
  code: string;
  description: string;
  details: Record<string, unknown>;
}

export type OcppFrame = CallFrame | CallResultFrame | CallErrorFrame;

export type ParsedFrame =
  | { ok: true; frame: OcppFrame }
  | {
      ok: false;
      /** The id to answer with a CALLERROR; null when the frame cannot be answered (drop it). */
      uniqueId: string | null;
      error: OcppError;
      /**
       * Set for a malformed CALLRESULT or CALLERROR whose unique id could be read: the id of our
       * CALL it meant to answer. A reply is never answered, but the pending call can be failed.
       */
      replyTo?: string;
    };

type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function malformed(uniqueId: string | null, description: string): ParsedFrame {
  return { ok: false, uniqueId, error: new OcppError('FormationViolation', description) };
}

function malformedReply(replyTo: string, description: string): ParsedFrame {
  return { ok: false, uniqueId: null, replyTo, error: new OcppError('FormationViolation', description) };
}

const TOO_DEEP = `nested deeper than ${MAX_PAYLOAD_DEPTH} levels`;

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Parses one WebSocket text message; the JSON is parsed exactly once. */
export function parseFrame(text: string): ParsedFrame {
  const json = parseJson(text);
  if (!json.ok) return malformed(null, 'frame is not valid JSON');
  const message = json.value;
  if (!Array.isArray(message)) return malformed(null, 'frame must be a JSON array');

  const messageType: unknown = message[0];
  if (typeof messageType !== 'number') return malformed(null, 'message type id must be a number');
  if (messageType !== CALL && messageType !== CALL_RESULT && messageType !== CALL_ERROR) {
    // §4.1.3: a message type id not in the list is ignored, so it is not answered either.
    return { ok: false, uniqueId: null, error: new OcppError('ProtocolError', `unknown message type id ${messageType}`) };
  }

  const uniqueId: unknown = message[1];
  if (typeof uniqueId !== 'string' || uniqueId.length === 0) return malformed(null, 'unique id must be a non-empty string');

  switch (messageType) {
    case CALL:
      return parseCall(message, uniqueId);
    case CALL_RESULT:
      return parseCallResult(message, uniqueId);
    case CALL_ERROR:
      return parseCallError(message, uniqueId);
  }
}

/** §4.2.1: `[2, "<UniqueId>", "<Action>", {<Payload>}]` */
function parseCall(message: unknown[], uniqueId: string): ParsedFrame {
  if (uniqueId.length > MAX_UNIQUE_ID_LENGTH) {
    return malformed(uniqueId, `unique id must be at most ${MAX_UNIQUE_ID_LENGTH} characters`);
  }
  if (message.length !== 4) return malformed(uniqueId, `a CALL must have 4 elements, got ${message.length}`);
  const [, , action, payload] = message;
  if (typeof action !== 'string') return malformed(uniqueId, 'action must be a string');
  if (!isJsonObject(payload)) return malformed(uniqueId, 'payload must be a JSON object');
  if (nestsDeeperThan(payload, MAX_PAYLOAD_DEPTH)) return malformed(uniqueId, `payload is ${TOO_DEEP}`);
  return { ok: true, frame: { messageType: CALL, uniqueId, action, payload } };
}

/** §4.2.2: `[3, "<UniqueId>", {<Payload>}]` */
function parseCallResult(message: unknown[], uniqueId: string): ParsedFrame {
  if (uniqueId.length > MAX_UNIQUE_ID_LENGTH) {
    return malformed(null, `unique id must be at most ${MAX_UNIQUE_ID_LENGTH} characters`);
  }
  if (message.length !== 3) return malformedReply(uniqueId, `a CALLRESULT must have 3 elements, got ${message.length}`);
  const payload = message[2];
  if (!isJsonObject(payload)) return malformedReply(uniqueId, 'payload must be a JSON object');
  if (nestsDeeperThan(payload, MAX_PAYLOAD_DEPTH)) return malformedReply(uniqueId, `payload is ${TOO_DEEP}`);
  return { ok: true, frame: { messageType: CALL_RESULT, uniqueId, payload } };
}

/** §4.2.3: `[4, "<UniqueId>", "<errorCode>", "<errorDescription>", {<errorDetails>}]` */
function parseCallError(message: unknown[], uniqueId: string): ParsedFrame {
  if (uniqueId.length > MAX_UNIQUE_ID_LENGTH) {
    return malformed(null, `unique id must be at most ${MAX_UNIQUE_ID_LENGTH} characters`);
  }
  if (message.length !== 5) return malformedReply(uniqueId, `a CALLERROR must have 5 elements, got ${message.length}`);
  const [, , code, description, details] = message;
  if (typeof code !== 'string') return malformedReply(uniqueId, 'error code must be a string');
  if (typeof description !== 'string') return malformedReply(uniqueId, 'error description must be a string');
  if (!isJsonObject(details)) return malformedReply(uniqueId, 'error details must be a JSON object');
  if (nestsDeeperThan(details, MAX_PAYLOAD_DEPTH)) return malformedReply(uniqueId, `error details are ${TOO_DEEP}`);
  return { ok: true, frame: { messageType: CALL_ERROR, uniqueId, code, description, details } };
}

export function serializeCall(uniqueId: string, action: string, payload: object): string {
  return JSON.stringify([CALL, uniqueId, action, payload]);
}

export function serializeCallResult(uniqueId: string, payload: object): string {
  return JSON.stringify([CALL_RESULT, uniqueId, payload]);
}

export function serializeCallError(uniqueId: string, error: OcppError): string {
  return JSON.stringify([CALL_ERROR, uniqueId, error.code, error.description, error.details]);
}
