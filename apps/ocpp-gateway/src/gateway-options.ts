import type { Config } from '@voltstream/config';
import type { Logger } from '@voltstream/logging';
import { GARBAGE_LIMIT } from '@voltstream/gateway';

/** Tuning of one gateway process; the defaults are the production values. */
export interface GatewayTuning {
  /**
   * Largest WebSocket message accepted, in bytes (a larger one closes the socket with 1009).
   * Room for a StopTransaction carrying the meter values of a long session.
   */
  maxFrameBytes: number;
  /** Every socket is pinged this often; one that did not answer the previous ping is dropped. */
  pingIntervalMs: number;
  /** How long a decision of the authorization service may take. */
  authorizationTimeoutMs: number;
  /** Malformed frames in a row after which a connection is closed. */
  garbageLimit: number;
  /** On shutdown, how long wallboxes get to answer the close before their sockets are dropped. */
  closeGraceMs: number;
  /** Names this gateway in events, claims and its lease; `<hostname>-<pid>-<random>` unless set. */
  gatewayId: string;
}

export interface GatewayOptions extends GatewayTuning {
  config: Config;
  logger: Logger;
}

export const DEFAULT_TUNING: Omit<GatewayTuning, 'gatewayId'> = {
  maxFrameBytes: 128 * 1024,
  pingIntervalMs: 30_000,
  authorizationTimeoutMs: 5_000,
  garbageLimit: GARBAGE_LIMIT,
  closeGraceMs: 3_000,
};

export const GATEWAY_OPTIONS = Symbol('GATEWAY_OPTIONS');
