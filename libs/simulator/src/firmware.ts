import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CsmsCallAnswer } from './connection';
import { OcppError, type Payload } from './framing';
import type { CertificateStore } from './certificates';
import type { ProcedureStatus } from './procedure-status';

/** What a simulated wallbox is told to get wrong, to play the failure cases of Firmware Management. */
export interface FirmwareFailures {
  /** UpdateFirmware: the download fails (FirmwareStatusNotification DownloadFailed). */
  download?: boolean;
  /** UpdateFirmware: the download succeeds, the installation fails (InstallationFailed). */
  installation?: boolean;
  /** GetDiagnostics: the upload fails (DiagnosticsStatusNotification UploadFailed). */
  upload?: boolean;
}

/** What the firmware and diagnostics procedures need of the wallbox that runs them. */
export interface FirmwareHost {
  readonly identity: string;
  readonly failures: FirmwareFailures;
  call(action: string, payload: object): Promise<Payload>;
  /** Describes the wallbox as it is now: the content of its diagnostics file. */
  describe(): string;
  /** Installs the firmware version and restarts: reconnects and boots with it. */
  installAndReboot(firmwareVersion: string): Promise<void>;
  /** Where its log upload and its signed firmware update stand (ExtendedTriggerMessage asks). */
  readonly procedures: { logUpload: ProcedureStatus; signedFirmware: ProcedureStatus };
  /** Its ManufacturerRootCertificates: a firmware signing certificate must chain to one when it holds any. */
  readonly certificates: CertificateStore;
}

/** An image may name its version in its first line, `firmwareVersion=<version>`; else its digest does. */
export function firmwareVersionOf(image: Uint8Array): string {
  const firstLine = Buffer.from(image.subarray(0, 80)).toString('latin1').split('\n')[0];
  const named = /^firmwareVersion=([\x21-\x7e]{1,50})$/.exec(firstLine)?.[1];
  return named ?? `sha256-${createHash('sha256').update(image).digest('hex').slice(0, 12)}`;
}

/** `<kind>-<identity>-<now>.log`, safe in any URL path and file system. */
export function logFileName(kind: string, identity: string): string {
  return `${kind}-${identity.replace(/[^A-Za-z0-9_-]/g, '_')}-${new Date().toISOString().replace(/[:.]/g, '-')}.log`;
}

/** GetDiagnostics `location` + the file name: a directory gets the name appended. */
export function uploadUrl(location: string, fileName: string): string {
  return location.endsWith('/') ? `${location}${encodeURIComponent(fileName)}` : `${location}/${encodeURIComponent(fileName)}`;
}

export function text(payload: Payload, field: string): string {
  const value = payload[field];
  if (value === undefined) throw new OcppError('OccurenceConstraintViolation', `${field} is required`);
  if (typeof value !== 'string') throw new OcppError('TypeConstraintViolation', `${field} must be a string`);
  return value;
}

function attemptsOf(payload: Payload): { attempts: number; intervalMs: number } {
  const retries = Number.isInteger(payload.retries) ? Math.min(Math.max(payload.retries as number, 0), 5) : 0;
  const interval = Number.isInteger(payload.retryInterval) ? Math.min(Math.max(payload.retryInterval as number, 0), 600) : 0;
  return { attempts: retries + 1, intervalMs: interval * 1000 };
}

/** Tries `attempt` up to `attempts` times, `intervalMs` apart; true once one succeeds. */
export async function withRetries(payload: Payload, attempt: () => Promise<boolean>): Promise<boolean> {
  const { attempts, intervalMs } = attemptsOf(payload);
  for (let tried = 1; ; tried++) {
    if (await attempt()) return true;
    if (tried >= attempts) return false;
    await sleep(intervalMs, undefined, { ref: false });
  }
}

export const isHttp = (url: string) => /^https?:\/\//i.test(url);

/**
 * UpdateFirmware, as a wallbox runs it (OCPP 1.6 §5.19, §6.25): from the retrieve date on,
 * Downloading → Downloaded (an http(s) GET of the location) → Installing → it restarts with the
 * new firmware (BootNotification with its version) → Installed; DownloadFailed or
 * InstallationFailed where it fails.
 */
export function updateFirmware(host: FirmwareHost, payload: Payload): CsmsCallAnswer {
  const location = text(payload, 'location');
  const retrieveAt = Date.parse(text(payload, 'retrieveDate'));
  return { reply: {}, afterwards: () => runFirmwareUpdate(host, location, retrieveAt, payload) };
}

async function runFirmwareUpdate(host: FirmwareHost, location: string, retrieveAt: number, payload: Payload): Promise<void> {
  const report = (status: string) => host.call('FirmwareStatusNotification', { status });
  await sleep(Math.max(0, Math.min(retrieveAt - Date.now(), 2 ** 31 - 1)), undefined, { ref: false });
  await report('Downloading');
  let image: Uint8Array | undefined;
  const downloaded = await withRetries(payload, async () => {
    image = host.failures.download || !isHttp(location) ? undefined : await download(location);
    return image !== undefined;
  });
  if (!downloaded || image === undefined) return void (await report('DownloadFailed'));
  await report('Downloaded');
  await report('Installing');
  if (host.failures.installation) return void (await report('InstallationFailed'));
  await host.installAndReboot(firmwareVersionOf(image));
  await report('Installed');
}

export async function download(location: string): Promise<Uint8Array | undefined> {
  try {
    const response = await fetch(location);
    return response.ok ? new Uint8Array(await response.arrayBuffer()) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * GetDiagnostics (OCPP 1.6 §5.9, §6.22): answers the name of the file it will upload, then
 * Uploading → an http(s) PUT of the file to the location + its name → Uploaded, or UploadFailed.
 */
export function getDiagnostics(host: FirmwareHost, payload: Payload): CsmsCallAnswer {
  const location = text(payload, 'location');
  const fileName = logFileName('diagnostics', host.identity);
  return { reply: { fileName }, afterwards: () => runDiagnosticsUpload(host, uploadUrl(location, fileName), payload) };
}

async function runDiagnosticsUpload(host: FirmwareHost, url: string, payload: Payload): Promise<void> {
  const report = (status: string) => host.call('DiagnosticsStatusNotification', { status });
  await report('Uploading');
  const content = host.describe();
  const uploaded = await withRetries(payload, async () => !host.failures.upload && isHttp(url) && (await upload(url, content)));
  await report(uploaded ? 'Uploaded' : 'UploadFailed');
}

export async function upload(url: string, content: string): Promise<boolean> {
  try {
    const response = await fetch(url, { method: 'PUT', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: content });
    return response.ok;
  } catch {
    return false;
  }
}
