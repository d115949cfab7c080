import { parseArgs } from 'node:util';
import { CABLE_LOCKS, LOCAL_LIST_MODES, type ChargePointOptions, type FirmwareFailures, type LocalListMode } from '@voltstream/simulator';

export type SecurityProfile = 0 | 1 | 2 | 3;

export interface CliOptions {
  url: string;
  count: number;
  connectors: number;
  prefix: string;
  password: string | undefined;
  /** OCPP security profile the wallboxes connect with (0–3); checked against the other options. */
  securityProfile: SecurityProfile;
  /** The wss:// base URL the wallboxes move to when ChangeConfiguration SecurityProfile raises them to 2 or 3 (TC_083). */
  secureUrl: string | undefined;
  /** Paths of the PEM files: the CA to trust over wss://, the client certificate and key of profile 3. */
  tls: { ca?: string; cert?: string; key?: string };
  concurrency: number;
  localAddresses: string[];
  /** Seconds to run; undefined runs until Ctrl-C. */
  duration: number | undefined;
  charge: { sessionsPerSecond: number; meterIntervalMs: number; samples: number; idTag: string } | undefined;
  /** False: the wallboxes answer every ReserveNow Rejected. */
  reservations: boolean;
  localList: LocalListMode;
  localListMaxLength: number;
  /** BootNotification firmwareVersion until an UpdateFirmware installs another. */
  firmwareVersion: string | undefined;
  /** Firmware Management steps the wallboxes fail (FirmwareStatusNotification / DiagnosticsStatusNotification). */
  firmwareFailures: FirmwareFailures;
  /** How every wallbox plays its part (DataTransfer, cable lock). */
  wallbox: Pick<ChargePointOptions, 'dataTransferVendors' | 'dataTransferOnBoot' | 'securityEventOnBoot' | 'cableLock' | 'remoteStartWithoutVehicle'>;
}

export const USAGE = `Usage: node dist/apps/cp-simulator/src/main.js --url ws://127.0.0.1:9000/ocpp [options]
  --url URL               central system base URL; the identity is appended (required)
  --count N               wallboxes (1)
  --connectors N          connectors per wallbox (2)
  --prefix TEXT           identity prefix: TEXT1, TEXT2, … (SIM-)
  --password TEXT         HTTP Basic password of every wallbox (security profiles 1 and 2)
  --security-profile N    0 none, 1 Basic auth, 2 Basic auth over wss://, 3 client certificate (0)
  --secure-url URL        wss:// base URL to move to when the CSMS raises the profile to 2 or 3
  --ca FILE               CA certificate (PEM) to trust over wss:// (the system's CAs)
  --cert FILE             client certificate (PEM) of security profile 3; its CN must be the identity
  --key FILE              private key (PEM) of --cert
  --concurrency N         wallboxes connecting at once (50)
  --local-address IP      source address, repeatable, used round-robin (e.g. 127.0.0.2)
  --duration SECONDS      stop after this long (until Ctrl-C)
  --charge                play charging sessions on random free connectors
  --sessions-per-second N sessions started per second with --charge (1)
  --meter-interval S      seconds between MeterValues of a session (10)
  --samples N             MeterValues per session (6)
  --id-tag TEXT           id tag presented for sessions (SIM-TAG)
  --no-reservations       answer every ReserveNow Rejected (default: reservations are held)
  --firmware-version TEXT firmwareVersion sent with BootNotification until an update installs another
  --fail-firmware-download      UpdateFirmware: report DownloadFailed instead of downloading
  --fail-firmware-installation  UpdateFirmware: download, then report InstallationFailed
  --fail-diagnostics-upload     GetDiagnostics: report UploadFailed instead of uploading
  --data-transfer-vendor ID
                          answer a DataTransfer of this vendor Accepted, repeatable (UnknownVendorId)
  --send-data-transfer VENDOR[:MESSAGE_ID[:DATA]]
                          send this DataTransfer to the central system after each accepted boot
  --send-security-event TYPE
                          send a SecurityEventNotification of this type after each accepted boot
  --cable-lock MODE       works, fixedCable (UnlockConnector NotSupported), lockFails (a session
                          ends Faulted, ConnectorLockFailure) or unlockFails (UnlockFailed) (works)
  --remote-start-waits-for-cable
                          a remote start on a connector without a vehicle waits for its cable until
                          ConnectionTimeOut (it starts at once)
  --local-list MODE       SendLocalList answered as: supported, failing (Failed), unsupported (NotSupported) (supported)
  --local-list-max-length N  SendLocalListMaxLength reported and enforced (100)`;

export class CliError extends Error {}

function integer(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new CliError(`--${name} must be an integer of at least ${min}, got "${raw}"`);
  return value;
}

/** What each security profile needs (OCPP 1.6 security whitepaper): refused here rather than by the CSMS. */
function checkSecurityProfile(profile: number, url: string, password: string | undefined, tls: CliOptions['tls']): void {
  if (profile > 3) throw new CliError(`--security-profile must be 0, 1, 2 or 3, got ${profile}`);
  if (profile >= 2 && !url.startsWith('wss://')) throw new CliError(`--security-profile ${profile} needs a wss:// --url`);
  if ((profile === 1 || profile === 2) && password === undefined) throw new CliError(`--security-profile ${profile} needs --password`);
  if (profile === 3 && (!tls.cert || !tls.key)) throw new CliError('--security-profile 3 needs --cert and --key');
  if (Boolean(tls.cert) !== Boolean(tls.key)) throw new CliError('--cert and --key go together');
}

export function parseCliOptions(args: string[]): CliOptions {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      url: { type: 'string' },
      count: { type: 'string' },
      connectors: { type: 'string' },
      prefix: { type: 'string' },
      password: { type: 'string' },
      'security-profile': { type: 'string' },
      'secure-url': { type: 'string' },
      ca: { type: 'string' },
      cert: { type: 'string' },
      key: { type: 'string' },
      concurrency: { type: 'string' },
      'local-address': { type: 'string', multiple: true },
      duration: { type: 'string' },
      charge: { type: 'boolean' },
      'sessions-per-second': { type: 'string' },
      'meter-interval': { type: 'string' },
      samples: { type: 'string' },
      'id-tag': { type: 'string' },
      'no-reservations': { type: 'boolean' },
      'local-list': { type: 'string' },
      'local-list-max-length': { type: 'string' },
      'firmware-version': { type: 'string' },
      'fail-firmware-download': { type: 'boolean' },
      'fail-firmware-installation': { type: 'boolean' },
      'fail-diagnostics-upload': { type: 'boolean' },
      'data-transfer-vendor': { type: 'string', multiple: true },
      'send-data-transfer': { type: 'string' },
      'send-security-event': { type: 'string' },
      'cable-lock': { type: 'string' },
      'remote-start-waits-for-cable': { type: 'boolean' },
    },
  });
  if (!values.url || !/^wss?:\/\//.test(values.url)) throw new CliError('--url must be a ws:// or wss:// URL');
  const localList = values['local-list'] ?? 'supported';
  if (!(LOCAL_LIST_MODES as readonly string[]).includes(localList)) throw new CliError(`--local-list must be one of ${LOCAL_LIST_MODES.join(', ')}, got "${localList}"`);
  const securityProfile = integer('security-profile', values['security-profile'], 0, 0) as SecurityProfile;
  const tls = { ca: values.ca, cert: values.cert, key: values.key };
  checkSecurityProfile(securityProfile, values.url, values.password, tls);
  const secureUrl = values['secure-url'];
  if (secureUrl !== undefined && !/^wss:\/\//.test(secureUrl)) throw new CliError('--secure-url must be a wss:// URL');
  return {
    url: values.url,
    count: integer('count', values.count, 1, 1),
    connectors: integer('connectors', values.connectors, 2, 1),
    prefix: values.prefix ?? 'SIM-',
    password: values.password,
    securityProfile,
    secureUrl,
    tls,
    concurrency: integer('concurrency', values.concurrency, 50, 1),
    localAddresses: values['local-address'] ?? [],
    duration: values.duration === undefined ? undefined : integer('duration', values.duration, 0, 1),
    charge: values.charge
      ? {
          sessionsPerSecond: integer('sessions-per-second', values['sessions-per-second'], 1, 1),
          meterIntervalMs: integer('meter-interval', values['meter-interval'], 10, 1) * 1000,
          samples: integer('samples', values.samples, 6, 1),
          idTag: values['id-tag'] ?? 'SIM-TAG',
        }
      : undefined,
    reservations: !values['no-reservations'],
    localList: localList as LocalListMode,
    localListMaxLength: integer('local-list-max-length', values['local-list-max-length'], 100, 1),
    firmwareVersion: values['firmware-version'],
    firmwareFailures: {
      download: values['fail-firmware-download'] ?? false,
      installation: values['fail-firmware-installation'] ?? false,
      upload: values['fail-diagnostics-upload'] ?? false,
    },
    wallbox: {
      dataTransferVendors: values['data-transfer-vendor'],
      dataTransferOnBoot: dataTransfer(values['send-data-transfer']),
      securityEventOnBoot: values['send-security-event'],
      cableLock: cableLock(values['cable-lock']),
      remoteStartWithoutVehicle: values['remote-start-waits-for-cable'] ? 'waitsForCable' : undefined,
    },
  };
}

/** VENDOR[:MESSAGE_ID[:DATA]]; the data may hold colons of its own. */
function dataTransfer(raw: string | undefined): ChargePointOptions['dataTransferOnBoot'] {
  if (raw === undefined) return undefined;
  const [vendorId, messageId, ...data] = raw.split(':');
  if (!vendorId) throw new CliError('--send-data-transfer needs a vendor id: VENDOR[:MESSAGE_ID[:DATA]]');
  return { vendorId, messageId: messageId || undefined, data: data.length > 0 ? data.join(':') : undefined };
}

function cableLock(raw: string | undefined): ChargePointOptions['cableLock'] {
  if (raw === undefined) return undefined;
  const mode = CABLE_LOCKS.find((lock) => lock === raw);
  if (!mode) throw new CliError(`--cable-lock must be one of ${CABLE_LOCKS.join(', ')}, got "${raw}"`);
  return mode;
}
