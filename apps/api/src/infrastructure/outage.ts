import { ErrorCode, NatsError } from 'nats';
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { OperationFailedError } from './operation-failed.error';

/** The connection to NATS is gone, or JetStream did not answer: no responders, no reply in time. */
const NATS_OUTAGES: ReadonlySet<string> = new Set([
  ErrorCode.ConnectionClosed,
  ErrorCode.ConnectionRefused,
  ErrorCode.ConnectionTimeout,
  ErrorCode.Disconnect,
  ErrorCode.NoResponders,
  ErrorCode.Timeout,
]);

/** Node's socket errors, which only pg passes on as they are (nats.js wraps its own): Postgres cannot be reached. */
const SOCKET_ERRORS: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATE classes of a Postgres that cannot serve: 08 connection exception, 53 insufficient
 * resources, 57P operator intervention (shut down, restarting), and 3D000, the database is gone.
 */
function postgresCannotServe(sqlState: string | undefined): boolean {
  return sqlState !== undefined && (/^(08|53|57P)/.test(sqlState) || sqlState === '3D000');
}

/**
 * The failure to answer with when `error` means that the event log (NATS) or the read models
 * (Postgres) cannot be reached, read from the error's class and code; undefined for any other error.
 */
export function outageOf(error: unknown): OperationFailedError | undefined {
  if (error instanceof NatsError) return NATS_OUTAGES.has(error.code) ? unavailable('the event log (NATS)') : undefined;
  const cause = error instanceof QueryFailedError ? error.driverError : error;
  if (cause instanceof DatabaseError) return postgresCannotServe(cause.code) ? unavailable('the read models (Postgres)') : undefined;
  return SOCKET_ERRORS.has(codeOf(cause)) ? unavailable('the read models (Postgres)') : undefined;
}

function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : '';
}

function unavailable(what: string): OperationFailedError {
  return new OperationFailedError({ kind: 'unavailable', message: `${what} cannot be reached: try again shortly` });
}
