/** OCPP-J 1.6 framing (OCPP-J §4): every frame is a JSON array whose first element is its type. */
export const CALL = 2;
export const CALL_RESULT = 3;
export const CALL_ERROR = 4;

export type Payload = Record<string, unknown>;

/** The error codes of OCPP-J 1.6 §4.2.2 (the misspelling of "Occurence" is the spec's). */
export type OcppErrorCode =
  | 'NotImplemented'
  | 'NotSupported'
  | 'InternalError'
  | 'ProtocolError'
  | 'SecurityError'
  | 'FormationViolation'
  | 'PropertyConstraintViolation'
  | 'OccurenceConstraintViolation'
  | 'TypeConstraintViolation'
  | 'GenericError';

export type Frame =
  | { type: typeof CALL; uniqueId: string; action: string; payload: Payload }
  | { type: typeof CALL_RESULT; uniqueId: string; payload: Payload }
  | { type: typeof CALL_ERROR; uniqueId: string; errorCode: string; errorDescription: string; errorDetails: unknown };

/** Something the simulator refuses to do or to read; it is answered with a CALLERROR. */
export class OcppError extends Error {
  constructor(
    readonly code: OcppErrorCode,
    description: string,
    /** Known when the frame got far enough to carry one; a CALLERROR can only be sent then. */
    readonly uniqueId?: string,
  ) {
    super(description);
    this.name = 'OcppError';
  }
}

export function encodeCall(uniqueId: string, action: string, payload: object): string {
  return JSON.stringify([CALL, uniqueId, action, payload]);
}

export function encodeCallResult(uniqueId: string, payload: object): string {
  return JSON.stringify([CALL_RESULT, uniqueId, payload]);
}

export function encodeCallError(uniqueId: string, code: OcppErrorCode, description: string): string {
  return JSON.stringify([CALL_ERROR, uniqueId, code, description, {}]);
}

function isPayload(value: unknown): value is Payload {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new OcppError('FormationViolation', 'frame is not JSON');
  }
}

/** Reads one frame field by field; throws OcppError naming the first thing that is wrong. */
export function parseFrame(text: string): Frame {
  const frame = decodeJson(text);
  if (!Array.isArray(frame)) throw new OcppError('FormationViolation', 'frame is not a JSON array');
  const [type, uniqueId] = frame;
  if (typeof uniqueId !== 'string' || uniqueId.length === 0 || uniqueId.length > 36) {
    throw new OcppError('FormationViolation', 'unique id must be a string of 1 to 36 characters');
  }
  if (type === CALL) return parseCall(frame, uniqueId);
  if (type === CALL_RESULT) return parseCallResult(frame, uniqueId);
  if (type === CALL_ERROR) return parseCallError(frame, uniqueId);
  // Named by its type alone when it is not a number: an element of the frame may nest without bound.
  throw new OcppError('ProtocolError', `unknown message type ${typeof type === 'number' ? type : typeof type}`, uniqueId);
}

function parseCall(frame: unknown[], uniqueId: string): Frame {
  const [, , action, payload] = frame;
  if (frame.length !== 4) throw new OcppError('FormationViolation', 'a CALL has 4 elements', uniqueId);
  if (typeof action !== 'string' || action.length === 0) throw new OcppError('FormationViolation', 'action must be a string', uniqueId);
  if (!isPayload(payload)) throw new OcppError('FormationViolation', 'payload must be a JSON object', uniqueId);
  return { type: CALL, uniqueId, action, payload };
}

function parseCallResult(frame: unknown[], uniqueId: string): Frame {
  const [, , payload] = frame;
  if (frame.length !== 3 || !isPayload(payload)) throw new OcppError('FormationViolation', 'a CALLRESULT is [3, id, {payload}]');
  return { type: CALL_RESULT, uniqueId, payload };
}

function parseCallError(frame: unknown[], uniqueId: string): Frame {
  const [, , errorCode, errorDescription, errorDetails] = frame;
  if (frame.length !== 5 || typeof errorCode !== 'string' || typeof errorDescription !== 'string') {
    throw new OcppError('FormationViolation', 'a CALLERROR is [4, id, code, description, {details}]');
  }
  return { type: CALL_ERROR, uniqueId, errorCode, errorDescription, errorDetails };
}
