/** The messages between the benchmark and its load workers (IPC). */

export interface WorkerPlan {
  /** Base URL of the gateway (or baseline server); the identity is appended. */
  url: string;
  identityPrefix: string;
  count: number;
  connectors: number;
  /** Wallboxes connecting and booting at the same time. */
  concurrency: number;
  /** Source addresses 127.0.0.x the sockets are spread over. */
  localAddresses: string[];
  /** Reconnect and boot again when the connection drops (the storm). */
  autoReconnect: boolean;
  /** Send one Heartbeat per wallbox once it booted. */
  heartbeat: boolean;
  callTimeoutMs: number;
}

/** Samples kept of a stream of latencies and how many there were in all. */
export interface SampleSet {
  samples: number[];
  seen: number;
}

export interface WorkerCounters {
  total: number;
  online: number;
  accepted: number;
  /** Wallboxes whose first connect or boot failed. */
  failed: number;
  heartbeats: number;
  heartbeatFailures: number;
  /** Wallboxes that booted (Accepted) since the last mark. */
  bootedSinceMark: number;
  /** Boots that failed or were not accepted since the last mark. */
  bootFailuresSinceMark: number;
  /** Epoch ms of the last accepted boot. */
  lastBootAt: number;
  lastFailure: string | undefined;
}

export type LoadTask =
  /** MeterValues from every wallbox: a closed loop, or an open loop at a fixed rate when `ratePerSecond` is set. */
  | { type: 'meterValues'; measureFrom: number; measureUntil: number; ratePerSecond?: number }
  | { type: 'authorize'; ratePerSecond: number; count: number }
  | { type: 'natsRequests'; natsUrl: string; subject: string; ratePerSecond: number; count: number; timeoutMs: number }
  /**
   * Start and stop a transaction every `roundIntervalMs` until `until`;
   * measures how long until the API shows each stop sent from `measureFrom` on.
   */
  | { type: 'transactions'; measureFrom: number; until: number; roundIntervalMs: number; apiUrl: string; apiToken: string; timeoutMs: number };

export interface LoadResult {
  answered: number;
  failed: number;
  latencies: SampleSet;
  /** Failures by kind, e.g. `timeout`, `callError:InternalError`, `Invalid`. */
  failures: Record<string, number>;
  durationMs: number;
}

export type ToWorker =
  | { kind: 'connect'; plan: WorkerPlan }
  | { kind: 'counters' }
  | { kind: 'mark' }
  | { kind: 'run'; task: LoadTask };

export type FromWorker =
  | { kind: 'counters'; counters: WorkerCounters }
  | { kind: 'connected'; counters: WorkerCounters; bootLatencies: number[] }
  | { kind: 'marked' }
  | { kind: 'ran'; result: LoadResult }
  | { kind: 'failed'; message: string };
