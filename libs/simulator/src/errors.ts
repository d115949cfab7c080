/** The central system refused the WebSocket handshake with an HTTP status. */
export class HandshakeRefusedError extends Error {
  constructor(readonly statusCode: number, statusMessage: string | undefined) {
    super(`handshake refused: HTTP ${statusCode}${statusMessage ? ` ${statusMessage}` : ''}`);
    this.name = 'HandshakeRefusedError';
  }
}

/**
 * Why a call to the central system got no result: it answered with a CALLERROR, it did not answer
 * in time, its answer was not what OCPP requires, or the connection was (or went) away.
 */
export type CallFailure = 'callError' | 'timeout' | 'invalidResponse' | 'offline';

export class CallFailedError extends Error {
  constructor(
    readonly failure: CallFailure,
    readonly action: string,
    description: string,
    /** The OCPP error code of a CALLERROR. */
    readonly errorCode?: string,
    readonly errorDetails?: unknown,
  ) {
    super(`${action} failed (${failure}): ${description}`);
    this.name = 'CallFailedError';
  }
}

/** A tag may not start on a connector reserved for another (OCPP 1.6 §5.13): the wallbox sends nothing. */
export class ConnectorReservedError extends Error {
  constructor(readonly connectorId: number, readonly reservationId: number) {
    super(`connector ${connectorId} is reserved (reservation ${reservationId}) for another tag`);
    this.name = 'ConnectorReservedError';
  }
}
