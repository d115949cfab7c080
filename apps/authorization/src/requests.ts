import { RpcException } from '@nestjs/microservices';
import type {
  AuthorizeRequest,
  BootInfo,
  BootRequest,
  StartTransactionRequest,
  StopTransactionRequest,
} from '@voltstream/contracts';

/**
 * Validation of the requests the gateway sends. The gateway validated the OCPP payloads already;
 * this guards the service against any other sender. A bad request fails with an RpcException.
 */
type Fields = Record<string, unknown>;

function invalid(field: string, reason: string): RpcException {
  return new RpcException(`Invalid request: ${field} ${reason}`);
}

function fields(raw: unknown, name = 'request'): Fields {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalid(name, 'must be an object');
  return raw as Fields;
}

function text(raw: Fields, field: string, maxLength: number): string {
  const value = raw[field];
  if (typeof value !== 'string' || value.length === 0) throw invalid(field, 'must be a non-empty string');
  if (value.length > maxLength) throw invalid(field, `must be at most ${maxLength} characters`);
  return value;
}

function integer(raw: Fields, field: string, min = Number.MIN_SAFE_INTEGER): number {
  const value = raw[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) throw invalid(field, `must be an integer of at least ${min}`);
  return value;
}

function optional<T>(raw: Fields, field: string, read: (raw: Fields, field: string) => T): T | undefined {
  return raw[field] === undefined ? undefined : read(raw, field);
}

const IDENTITY_MAX = 48;
const ID_TAG_MAX = 20;
const TEXT_MAX = 255;

const identity = (raw: Fields) => text(raw, 'identity', IDENTITY_MAX);
const idTag = (raw: Fields, field = 'idTag') => text(raw, field, ID_TAG_MAX);
const timestamp = (raw: Fields) => text(raw, 'timestamp', TEXT_MAX);

export function parseBootRequest(raw: unknown): BootRequest {
  const request = fields(raw);
  const boot = fields(request.boot, 'boot');
  text(boot, 'vendor', TEXT_MAX);
  text(boot, 'model', TEXT_MAX);
  return { identity: identity(request), boot: boot as unknown as BootInfo };
}

export function parseAuthorizeRequest(raw: unknown): AuthorizeRequest {
  const request = fields(raw);
  return { identity: identity(request), idTag: idTag(request) };
}

export function parseStartTransactionRequest(raw: unknown): StartTransactionRequest {
  const request = fields(raw);
  return {
    identity: identity(request),
    connectorId: integer(request, 'connectorId', 1),
    idTag: idTag(request),
    meterStart: integer(request, 'meterStart'),
    timestamp: timestamp(request),
    reservationId: optional(request, 'reservationId', integer),
  };
}

export function parseStopTransactionRequest(raw: unknown): StopTransactionRequest {
  const request = fields(raw);
  return {
    identity: identity(request),
    // Any integer: an id the CSMS never handed out is answered as unknown, not refused.
    transactionId: integer(request, 'transactionId'),
    idTag: optional(request, 'idTag', idTag),
    meterStop: integer(request, 'meterStop'),
    timestamp: timestamp(request),
    reason: optional(request, 'reason', (r, f) => text(r, f, TEXT_MAX)),
  };
}
