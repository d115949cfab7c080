import { verify, X509Certificate } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CsmsCallAnswer } from './connection';
import { checkChain } from '@voltstream/certificates';
import { download, firmwareVersionOf, isHttp, logFileName, text, upload, uploadUrl, withRetries, type FirmwareHost } from './firmware';
import { OcppError, type Payload } from './framing';

/** The security whitepaper's log uploads and signed firmware updates, as a wallbox runs them. */

function object(payload: Payload, field: string): Payload {
  const value = payload[field];
  if (value === undefined) throw new OcppError('OccurenceConstraintViolation', `${field} is required`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new OcppError('TypeConstraintViolation', `${field} must be an object`);
  return value as Payload;
}

function requestIdOf(payload: Payload): number {
  const requestId = payload.requestId;
  if (!Number.isInteger(requestId)) throw new OcppError('TypeConstraintViolation', 'requestId must be an integer');
  return requestId as number;
}

const LOG_TYPES = ['DiagnosticsLog', 'SecurityLog'];

/**
 * GetLog (whitepaper §4.7): answers Accepted with the name of the file, then LogStatusNotification
 * Uploading → an http(s) PUT of the log to `remoteLocation` + its name → Uploaded, or UploadFailure.
 */
export function getLog(host: FirmwareHost, payload: Payload): CsmsCallAnswer {
  const logType = text(payload, 'logType');
  if (!LOG_TYPES.includes(logType)) throw new OcppError('PropertyConstraintViolation', `logType must be one of ${LOG_TYPES.join(', ')}`);
  const requestId = requestIdOf(payload);
  const location = text(object(payload, 'log'), 'remoteLocation');
  const filename = logFileName(logType === 'SecurityLog' ? 'security' : 'diagnostics', host.identity);
  const content = `logType: ${logType}\nrequestId: ${requestId}\n${host.describe()}`;
  const run = () => runLogUpload(host, uploadUrl(location, filename), content, requestId, payload);
  return { reply: { status: 'Accepted', filename }, afterwards: run };
}

async function runLogUpload(host: FirmwareHost, url: string, content: string, requestId: number, payload: Payload): Promise<void> {
  const report = (status: string) => host.call('LogStatusNotification', host.procedures.logUpload.note(status, requestId));
  await report('Uploading');
  const uploaded = await withRetries(payload, async () => !host.failures.upload && isHttp(url) && (await upload(url, content)));
  await report(uploaded ? 'Uploaded' : 'UploadFailure');
}

function certificateOf(pem: string): X509Certificate | undefined {
  try {
    return new X509Certificate(pem);
  } catch {
    return undefined;
  }
}

/** The image's signature: SHA-256 with the signing certificate's RSA or ECDSA key (whitepaper §4.5). */
export function signatureMatches(image: Uint8Array, certificate: X509Certificate, signature: string): boolean {
  try {
    return verify('sha256', image, certificate.publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

interface SignedFirmware {
  requestId: number;
  location: string;
  retrieveAt: number;
  certificate: X509Certificate;
  signature: string;
}

/**
 * Why the wallbox does not trust a firmware signing certificate (whitepaper §4.5), or undefined: it
 * cannot read it, it is not valid now, or — when the wallbox holds ManufacturerRootCertificates —
 * it does not chain to one of them.
 */
export async function signingCertificateProblem(pem: string, manufacturerRoots: readonly string[], now: Date): Promise<string | undefined> {
  const certificate = certificateOf(pem);
  if (!certificate || Date.parse(certificate.validTo) < now.getTime() || Date.parse(certificate.validFrom) > now.getTime()) return 'unreadable or not valid now';
  if (manufacturerRoots.length === 0) return undefined;
  const check = await checkChain(pem, manufacturerRoots, undefined, now);
  return check.ok ? undefined : check.reason;
}

/**
 * SignedUpdateFirmware (whitepaper §4.5): a signing certificate it does not trust (see
 * signingCertificateProblem) is answered InvalidCertificate (with the security event
 * InvalidFirmwareSigningCertificate). Else Accepted, then SignedFirmwareStatusNotification
 * Downloading → Downloaded → SignatureVerified → Installing → InstallRebooting → it restarts with
 * the new version → Installed; or DownloadFailed, InvalidSignature (with the security event
 * InvalidFirmwareSignature), InstallationFailed.
 */
export function signedUpdateFirmware(host: FirmwareHost, payload: Payload): CsmsCallAnswer {
  const requestId = requestIdOf(payload);
  const firmware = object(payload, 'firmware');
  const location = text(firmware, 'location');
  const retrieveAt = Date.parse(text(firmware, 'retrieveDateTime'));
  const signature = text(firmware, 'signature');
  const pem = text(firmware, 'signingCertificate');
  const problem = signingCertificateProblem(pem, host.certificates.pems('ManufacturerRootCertificate'), new Date());
  const reply = problem.then((found) => ({ status: found === undefined ? 'Accepted' : 'InvalidCertificate' }));
  const afterwards = async () => {
    if ((await problem) !== undefined) return securityEvent(host, 'InvalidFirmwareSigningCertificate', `request ${requestId}`);
    return runSignedUpdate(host, { requestId, location, retrieveAt, certificate: certificateOf(pem) as X509Certificate, signature }, payload);
  };
  return { reply, afterwards };
}

function securityEvent(host: FirmwareHost, type: string, techInfo: string): Promise<unknown> {
  return host.call('SecurityEventNotification', { type, timestamp: new Date().toISOString(), techInfo });
}

async function runSignedUpdate(host: FirmwareHost, update: SignedFirmware, payload: Payload): Promise<void> {
  const report = (status: string) => host.call('SignedFirmwareStatusNotification', host.procedures.signedFirmware.note(status, update.requestId));
  await sleep(Math.max(0, Math.min(update.retrieveAt - Date.now(), 2 ** 31 - 1)), undefined, { ref: false });
  await report('Downloading');
  let image: Uint8Array | undefined;
  const downloaded = await withRetries(payload, async () => {
    image = host.failures.download || !isHttp(update.location) ? undefined : await download(update.location);
    return image !== undefined;
  });
  if (!downloaded || image === undefined) return void (await report('DownloadFailed'));
  await report('Downloaded');
  if (!signatureMatches(image, update.certificate, update.signature)) {
    await report('InvalidSignature');
    return void (await securityEvent(host, 'InvalidFirmwareSignature', `request ${update.requestId}`));
  }
  await report('SignatureVerified');
  await report('Installing');
  if (host.failures.installation) return void (await report('InstallationFailed'));
  await report('InstallRebooting');
  await host.installAndReboot(firmwareVersionOf(image));
  await report('Installed');
}
