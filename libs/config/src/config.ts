import { START_MODES, type StartMode } from '@voltstream/contracts';

export type UnknownChargePointPolicy = 'pending' | 'accept' | 'reject';

/** LOG_LEVEL, the same in every service: a line is written when its level is this one or above; `silent` writes none. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
/** LOG_FORMAT: JSON lines, or readable lines for a terminal. */
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface Config {
  natsUrl: string;
  databaseUrl: string;
  /** Prefix for every NATS subject and stream name; empty in production, unique per test run. */
  namespace: string;
  gatewayHost: string;
  /** Port of `ws://` (GATEWAY_PORT); null when it is `off`. */
  gatewayPort: number | null;
  /** Port of `wss://` (GATEWAY_TLS_PORT); null when it is `off` or no certificate is configured. */
  gatewayTlsPort: number | null;
  apiPort: number;
  /** Undefined when not configured: the API then generates one at start-up and prints it. */
  apiToken: string | undefined;
  heartbeatInterval: number;
  /**
   * Seconds a gateway pod's lease lives without renewal: a pod gone without a goodbye is noticed,
   * and its wallboxes recorded offline, this long (and a quarter) after its last renewal.
   */
  gatewayLeaseTtl: number;
  /**
   * Seconds over which a stopping gateway pod closes its connections, in slices, so that its
   * wallboxes reconnect to the other pods spread out rather than all at once; 0 closes all at once.
   */
  gatewayDrainSeconds: number;
  /** GATEWAY_METRICS=off: the gateway keeps no metrics and serves no /metrics; for measuring what they cost. */
  gatewayMetrics: boolean;
  /** Copies JetStream keeps of every stream and KeyValue bucket: 1 on a single server, 3 on a cluster. */
  natsReplicas: number;
  unknownChargePoints: UnknownChargePointPolicy;
  defaultStartMode: StartMode;
  ocppCallTimeout: number;
  /** How long an API write waits for the read models to show it before answering 202. */
  readYourWritesWaitMs: number;
  /** Server certificates and their keys (PEM), pairwise: an RSA and an ECDSA one may be given together. */
  tls: TlsFiles | undefined;
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
  logLevel: LogLevel;
  /** `pretty` when stdout is a terminal, else `json`, unless LOG_FORMAT says. */
  logFormat: LogFormat;
  /** A consumer of the event log is not ready with more events than this waiting for it. */
  readyMaxPending: number;
  /** Nor when it has committed nothing for this many seconds while events wait. */
  readyMaxStall: number;
  /** Who signs the CSRs of SignCertificate: the CSMS's own CA (`csmsCa`), or an external CA on the NATS subject `vs.ca.sign`. */
  certificateSigner: 'csms' | 'external';
  /** The CSMS's CA (PEM files, a Secret in Kubernetes); made there on first start when both are missing. */
  csmsCa: { certFile: string; keyFile: string };
  /** How long a charge point certificate the CSMS's CA signs is valid, in days. */
  chargePointCertificateDays: number;
}

export interface TlsFiles {
  certFiles: string[];
  keyFiles: string[];
  /** CA bundle the client certificates of security profile 3 must chain to (TLS_CLIENT_CA_FILE). */
  clientCaFile: string | undefined;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** JSON lines, unless the output is a terminal (SPEC §8, LOG_FORMAT). */
function defaultLogFormat(): LogFormat {
  return process.stdout.isTTY ? 'pretty' : 'json';
}

/** LOG_FORMAT when it is valid, else the default: how to write the line that reports a bad configuration. */
export function logFormatOf(env: Env): LogFormat {
  const raw = env.LOG_FORMAT?.trim();
  return (LOG_FORMATS as readonly string[]).includes(raw ?? '') ? (raw as LogFormat) : defaultLogFormat();
}

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

function list(env: Env, name: string): string[] {
  return (optional(env, name) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** A port, or null when the variable says `off`. */
function port(env: Env, name: string, fallback: number): number | null {
  return optional(env, name)?.toLowerCase() === 'off' ? null : integer(env, name, fallback, 0, 65535);
}

function tlsFiles(env: Env): TlsFiles | undefined {
  const certFiles = list(env, 'TLS_CERT_FILE');
  const keyFiles = list(env, 'TLS_KEY_FILE');
  if (certFiles.length !== keyFiles.length) {
    throw new ConfigError('TLS_CERT_FILE/TLS_KEY_FILE', 'must be set together, as many keys as certificates (comma-separated)');
  }
  const clientCaFile = optional(env, 'TLS_CLIENT_CA_FILE');
  if (certFiles.length === 0 && clientCaFile) throw new ConfigError('TLS_CLIENT_CA_FILE', 'needs TLS_CERT_FILE and TLS_KEY_FILE');
  return certFiles.length === 0 ? undefined : { certFiles, keyFiles, clientCaFile };
}

function gatewayPorts(env: Env, tls: TlsFiles | undefined): Pick<Config, 'gatewayPort' | 'gatewayTlsPort'> {
  const gatewayPort = port(env, 'GATEWAY_PORT', 9000);
  const tlsPort = port(env, 'GATEWAY_TLS_PORT', 9443);
  if (!tls && optional(env, 'GATEWAY_TLS_PORT') && tlsPort !== null) {
    throw new ConfigError('GATEWAY_TLS_PORT', 'needs TLS_CERT_FILE and TLS_KEY_FILE');
  }
  const gatewayTlsPort = tls ? tlsPort : null;
  if (gatewayPort === null && gatewayTlsPort === null) throw new ConfigError('GATEWAY_PORT/GATEWAY_TLS_PORT', 'cannot both be off');
  return { gatewayPort, gatewayTlsPort };
}

/** The one configuration loader of every Voltstream process (SPEC §8). */
export function loadConfig(env: Env = process.env): Config {
  const tls = tlsFiles(env);
  const heartbeatInterval = integer(env, 'HEARTBEAT_INTERVAL', 300, 1, 86400);
  return {
    natsUrl: text(env, 'NATS_URL', 'nats://127.0.0.1:4222'),
    databaseUrl: text(env, 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/voltstream'),
    namespace: namespace(env),
    gatewayHost: text(env, 'GATEWAY_HOST', '0.0.0.0'),
    ...gatewayPorts(env, tls),
    apiPort: integer(env, 'API_PORT', 3000, 0, 65535),
    apiToken: optional(env, 'API_TOKEN'),
    heartbeatInterval,
    gatewayLeaseTtl: integer(env, 'GATEWAY_LEASE_TTL', defaultLeaseTtl(heartbeatInterval), MIN_LEASE_TTL_S, 86400),
    gatewayDrainSeconds: integer(env, 'GATEWAY_DRAIN_SECONDS', 0, 0, 3600),
    gatewayMetrics: oneOf(env, 'GATEWAY_METRICS', ['on', 'off'], 'on') === 'on',
    natsReplicas: integer(env, 'NATS_REPLICAS', 1, 1, 5),
    unknownChargePoints: oneOf(env, 'UNKNOWN_CHARGE_POINTS', ['pending', 'accept', 'reject'], 'pending'),
    defaultStartMode: oneOf(env, 'DEFAULT_START_MODE', START_MODES, 'centralList'),
    ocppCallTimeout: integer(env, 'OCPP_CALL_TIMEOUT', 30, 1, 3600),
    readYourWritesWaitMs: integer(env, 'READ_YOUR_WRITES_WAIT_MS', 5000, 0, 60000),
    tls,
    publicGatewayUrl: optional(env, 'PUBLIC_GATEWAY_URL'),
    publicApiUrl: httpUrl(env, 'PUBLIC_API_URL'),
    diagnosticsMaxBytes: integer(env, 'DIAGNOSTICS_MAX_BYTES', 20 * MIB, 1, MAX_FILE_BYTES),
    firmwareImageMaxBytes: integer(env, 'FIRMWARE_IMAGE_MAX_BYTES', 100 * MIB, 1, MAX_FILE_BYTES),
    healthPort: optional(env, 'HEALTH_PORT') === undefined ? undefined : integer(env, 'HEALTH_PORT', 0, 0, 65535),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    logFormat: oneOf(env, 'LOG_FORMAT', LOG_FORMATS, defaultLogFormat()),
    readyMaxPending: integer(env, 'READY_MAX_PENDING', 10_000, 1, 100_000_000),
    readyMaxStall: integer(env, 'READY_MAX_STALL', 60, 1, 86400),
    certificateSigner: oneOf(env, 'CERTIFICATE_SIGNER', ['csms', 'external'], 'csms'),
    csmsCa: { certFile: text(env, 'CSMS_CA_CERT', '.data/csms-ca/ca.pem'), keyFile: text(env, 'CSMS_CA_KEY', '.data/csms-ca/ca.key') },
    chargePointCertificateDays: integer(env, 'CHARGE_POINT_CERTIFICATE_DAYS', 365, 1, 3650),
  };
}

/** The base URL a wallbox on `hostname` connects to: `wss://` when the gateway serves it, else `ws://`. */
export function gatewayBaseUrl(config: Pick<Config, 'gatewayPort' | 'gatewayTlsPort'>, hostname: string): string {
  if (config.gatewayTlsPort !== null) return `wss://${hostname}:${config.gatewayTlsPort}`;
  return `ws://${hostname}:${config.gatewayPort ?? ''}`;
}
