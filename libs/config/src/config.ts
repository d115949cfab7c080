import { START_MODES, type StartMode } from '@voltstream/contracts';

export type UnknownChargePointPolicy = 'pending' | 'accept' | 'reject';

export interface Config {
  natsUrl: string;
  databaseUrl: string;
  /** Prefix for every NATS subject and stream name; empty in production, unique per test run. */
  namespace: string;
  gatewayHost: string;
  gatewayPort: number;
  apiPort: number;
  /** Undefined when not configured: the API then generates one at start-up and prints it. */
  apiToken: string | undefined;
  heartbeatInterval: number;
  /**
   * Seconds a gateway pod's lease lives without renewal: a pod gone without a goodbye is noticed,
   * and its wallboxes recorded offline, this long (and a quarter) after its last renewal.
   */
  gatewayLeaseTtl: number;
  unknownChargePoints: UnknownChargePointPolicy;
  defaultStartMode: StartMode;
  ocppCallTimeout: number;
  /** How long an API write waits for the read models to show it before answering 202. */
  readYourWritesWaitMs: number;
  tlsCertFile: string | undefined;
  tlsKeyFile: string | undefined;
  /** Public base URL a wallbox should use, when the gateway sits behind a load balancer. */
  publicGatewayUrl: string | undefined;
  /**
   * Base URL by which wallboxes reach the API over HTTP (diagnostics uploads, firmware downloads);
   * when unset, the host the operator's request reached, on plain http.
   */
  publicApiUrl: string | undefined;
  /** Largest diagnostics file a wallbox may upload, in bytes. */
  diagnosticsMaxBytes: number;
  /** Largest firmware image an operator may upload, in bytes. */
  firmwareImageMaxBytes: number;
  /** Port of the plain HTTP health endpoint of services without one of their own; none when unset. */
  healthPort: number | undefined;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** A consumer of the event log is not ready with more events than this waiting for it. */
  readyMaxPending: number;
  /** Nor when it has committed nothing for this many seconds while events wait. */
  readyMaxStall: number;
}

export class ConfigError extends Error {
  constructor(variable: string, reason: string) {
    super(`Invalid configuration: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function text(env: Env, name: string, fallback: string): string {
  const value = env[name]?.trim();
  return value ? value : fallback;
}

function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

const MIN_LEASE_TTL_S = 3;
const MIB = 1024 * 1024;
/** A file is held in memory while it is stored or served: 1 GiB at most. */
const MAX_FILE_BYTES = 1024 * MIB;

function httpUrl(env: Env, name: string): string | undefined {
  const raw = optional(env, name);
  if (raw === undefined) return undefined;
  if (!/^https?:\/\//.test(raw) || !URL.canParse(raw)) throw new ConfigError(name, `must be an http:// or https:// URL, got "${raw}"`);
  return raw.replace(/\/+$/, '');
}

/** Half a minute: a few missed renewals are survived; and never longer than a heartbeat interval. */
function defaultLeaseTtl(heartbeatInterval: number): number {
  return Math.max(MIN_LEASE_TTL_S, Math.min(30, heartbeatInterval));
}

function namespace(env: Env): string {
  const raw = text(env, 'VOLTSTREAM_NAMESPACE', '');
  if (raw && !/^[a-z][a-z0-9_-]{0,31}$/.test(raw)) {
    throw new ConfigError('VOLTSTREAM_NAMESPACE', 'must be lower-case letters, digits, "_" or "-", starting with a letter');
  }
  return raw;
}

/** The one configuration loader of every Voltstream process (SPEC §8). */
export function loadConfig(env: Env = process.env): Config {
  const tlsCertFile = optional(env, 'TLS_CERT_FILE');
  const tlsKeyFile = optional(env, 'TLS_KEY_FILE');
  if (Boolean(tlsCertFile) !== Boolean(tlsKeyFile)) {
    throw new ConfigError('TLS_CERT_FILE/TLS_KEY_FILE', 'must be set together');
  }
  const heartbeatInterval = integer(env, 'HEARTBEAT_INTERVAL', 300, 1, 86400);
  return {
    natsUrl: text(env, 'NATS_URL', 'nats://127.0.0.1:4222'),
    databaseUrl: text(env, 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/voltstream'),
    namespace: namespace(env),
    gatewayHost: text(env, 'GATEWAY_HOST', '0.0.0.0'),
    gatewayPort: integer(env, 'GATEWAY_PORT', 9000, 0, 65535),
    apiPort: integer(env, 'API_PORT', 3000, 0, 65535),
    apiToken: optional(env, 'API_TOKEN'),
    heartbeatInterval,
    gatewayLeaseTtl: integer(env, 'GATEWAY_LEASE_TTL', defaultLeaseTtl(heartbeatInterval), MIN_LEASE_TTL_S, 86400),
    unknownChargePoints: oneOf(env, 'UNKNOWN_CHARGE_POINTS', ['pending', 'accept', 'reject'], 'pending'),
    defaultStartMode: oneOf(env, 'DEFAULT_START_MODE', START_MODES, 'centralList'),
    ocppCallTimeout: integer(env, 'OCPP_CALL_TIMEOUT', 30, 1, 3600),
    readYourWritesWaitMs: integer(env, 'READ_YOUR_WRITES_WAIT_MS', 5000, 0, 60000),
    tlsCertFile,
    tlsKeyFile,
    publicGatewayUrl: optional(env, 'PUBLIC_GATEWAY_URL'),
    publicApiUrl: httpUrl(env, 'PUBLIC_API_URL'),
    diagnosticsMaxBytes: integer(env, 'DIAGNOSTICS_MAX_BYTES', 20 * MIB, 1, MAX_FILE_BYTES),
    firmwareImageMaxBytes: integer(env, 'FIRMWARE_IMAGE_MAX_BYTES', 100 * MIB, 1, MAX_FILE_BYTES),
    healthPort: optional(env, 'HEALTH_PORT') === undefined ? undefined : integer(env, 'HEALTH_PORT', 0, 0, 65535),
    logLevel: oneOf(env, 'LOG_LEVEL', ['error', 'warn', 'log', 'debug'], 'log'),
    readyMaxPending: integer(env, 'READY_MAX_PENDING', 10_000, 1, 100_000_000),
    readyMaxStall: integer(env, 'READY_MAX_STALL', 60, 1, 86400),
  };
}
