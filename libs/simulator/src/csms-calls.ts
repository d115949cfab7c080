import { certificateSigned, deleteCertificate, getInstalledCertificateIds, installCertificate, signChargePointCertificate } from './certificates';
import type { SimulatedChargePoint } from './charge-point';
import { changeConfiguration, readConfiguration } from './configuration';
import type { CsmsCallAnswer } from './connection';
import { getDiagnostics, updateFirmware } from './firmware';
import { getLog, signedUpdateFirmware } from './security-logs-firmware';
import type { ChargingProfile, ChargingProfilePurpose, ChargingRateUnit } from './charging-profiles';
import { OcppError, type Payload } from './framing';

type Handler = (cp: SimulatedChargePoint, payload: Payload) => CsmsCallAnswer;

const handlers = new Map<string, Handler>([
  ['ChangeAvailability', changeAvailability],
  ['ChangeConfiguration', changeConfigurationCall],
  ['ClearCache', clearCache],
  ['DataTransfer', dataTransfer],
  ['GetConfiguration', getConfiguration],
  ['GetLocalListVersion', (cp) => ({ reply: { listVersion: cp.localList.listVersion } })],
  ['SendLocalList', (cp, payload) => ({ reply: { status: cp.localList.update(payload) } })],
  ['RemoteStartTransaction', remoteStartTransaction],
  ['RemoteStopTransaction', remoteStopTransaction],
  ['Reset', reset],
  ['TriggerMessage', triggerMessage],
  ['ExtendedTriggerMessage', extendedTriggerMessage],
  ['UnlockConnector', unlockConnector],
  ['ReserveNow', reserveNow],
  ['CancelReservation', cancelReservation],
  ['UpdateFirmware', updateFirmware],
  ['GetDiagnostics', getDiagnostics],
  ['SetChargingProfile', setChargingProfile],
  ['ClearChargingProfile', clearChargingProfile],
  ['GetCompositeSchedule', getCompositeSchedule],
  ['GetLog', getLog],
  ['SignedUpdateFirmware', signedUpdateFirmware],
  ['InstallCertificate', installCertificate],
  ['GetInstalledCertificateIds', getInstalledCertificateIds],
  ['DeleteCertificate', deleteCertificate],
  ['CertificateSigned', certificateSigned],
]);

/** Answers a call of the central system as a real wallbox would; throws OcppError for a CALLERROR. */
export function answerCsmsCall(cp: SimulatedChargePoint, action: string, payload: Payload): CsmsCallAnswer {
  const handler = handlers.get(action);
  if (handler) return handler(cp, payload);
  throw new OcppError('NotImplemented', `unknown action ${action}`);
}

function required(payload: Payload, field: string): unknown {
  if (payload[field] === undefined) throw new OcppError('OccurenceConstraintViolation', `${field} is required`);
  return payload[field];
}

function integerField(payload: Payload, field: string): number {
  const value = required(payload, field);
  if (!Number.isInteger(value)) throw new OcppError('TypeConstraintViolation', `${field} must be an integer`);
  return value as number;
}

function textField(payload: Payload, field: string): string {
  const value = required(payload, field);
  if (typeof value !== 'string') throw new OcppError('TypeConstraintViolation', `${field} must be a string`);
  return value;
}

function oneOf<T extends string>(payload: Payload, field: string, allowed: readonly T[]): T {
  const value = textField(payload, field);
  if (!(allowed as readonly string[]).includes(value)) throw new OcppError('PropertyConstraintViolation', `${field} must be one of ${allowed.join(', ')}`);
  return value as T;
}

function optionalConnectorId(payload: Payload): number | undefined {
  return payload.connectorId === undefined ? undefined : integerField(payload, 'connectorId');
}

function isConnector(cp: SimulatedChargePoint, connectorId: number, allowZero: boolean): boolean {
  return connectorId >= (allowZero ? 0 : 1) && connectorId <= cp.connectorCount;
}

function changeAvailability(cp: SimulatedChargePoint, payload: Payload): CsmsCallAnswer {
  const connectorId = integerField(payload, 'connectorId');
  const operative = oneOf(payload, 'type', ['Inoperative', 'Operative']) === 'Operative';
  if (!isConnector(cp, connectorId, true)) return { reply: { status: 'Rejected' } };
  const status = cp.transactionOn(connectorId) === undefined ? 'Accepted' : 'Scheduled';
  return { reply: { status }, afterwards: () => cp.changeAvailability(connectorId, operative) };
}

function getConfiguration(cp: SimulatedChargePoint, payload: Payload): CsmsCallAnswer {
  const keys = payload.key ?? [];
  if (!Array.isArray(keys) || keys.some((key) => typeof key !== 'string')) throw new OcppError('TypeConstraintViolation', 'key must be a list of strings');
  return { reply: readConfiguration(cp.configuration, keys as string[]) };
}

/** AuthorizationKey: the hex of a 16 to 40 byte password; write-only, so never kept in the configuration. */
const AUTHORIZATION_KEY = /^(?:[0-9a-fA-F]{2}){16,40}$/;

function changeConfigurationCall(cp: SimulatedChargePoint, payload: Payload): CsmsCallAnswer {
  if (textField(payload, 'key') === 'AuthorizationKey') {
    const value = textField(payload, 'value');
    if (!AUTHORIZATION_KEY.test(value)) return { reply: { status: 'Rejected' } };
    // The bytes as they are: a password need not be UTF-8 text.
    const password = Buffer.from(value, 'hex');
    return { reply: { status: 'Accepted' }, afterwards: () => cp.reconnectWithPassword(password) };
  }
  if (textField(payload, 'key') === 'SecurityProfile') {
    const value = textField(payload, 'value');
    const profile = /^\d$/.test(value) ? Number(value) : Number.NaN;
    if (cp.securityProfileProblem(profile) !== null) return { reply: { status: 'Rejected' } };
    return { reply: { status: 'Accepted' }, afterwards: () => cp.reconnectWithProfile(profile) };
  }
  const status = changeConfiguration(cp.configuration, textField(payload, 'key'), textField(payload, 'value'));
  return { reply: { status } };
}

function remoteStartTransaction(cp: SimulatedChargePoint, payload: Payload): CsmsCallAnswer {
  const idTag = textField(payload, 'idTag');
  const connectorId = cp.connectorForRemoteStart(optionalConnectorId(payload), idTag);
  if (connectorId === undefined) return { reply: { status: 'Rejected' } };
  const profile = payload.chargingProfile as ChargingProfile | undefined;
  // §5.11: the profile must be a TxProfile; it applies to the transaction this start begins.
  if (profile !== undefined && profile.chargingProfilePurpose !== 'TxProfile') return { reply: { status: 'Rejected' } };
  if (profile !== undefined) cp.holdRemoteStartProfile(connectorId, profile);
  if (cp.waitsForCable(connectorId)) return { reply: { status: 'Accepted' }, afterwards: () => cp.awaitCable(connectorId, idTag) };
  const begin = async (): Promise<unknown> => (await cp.lockCable(connectorId)) && cp.beginTransaction(connectorId, idTag);
  return { reply: { status: 'Accepted' }, afterwards: begin };
}

function remoteStopTransaction(cp: SimulatedChargePoint, payload: Payload): CsmsCallAnswer {
  const connectorId = cp.connectorOfTransaction(integerField(payload, 'transactionId'));
  if (connectorId === undefined) return { reply: { status: 'Rejected' } };
  return { reply: { status: 'Accepted' }, afterwards: () => cp.finishTransaction(connectorId, 'Remote') };
}

function reset(cp: SimulatedChargePoint, payload: Payload): CsmsCallAnswer {
  const type = oneOf(payload, 'type', ['Hard', 'Soft']);
  return { reply: { status: 'Accepted' }, afterwards: () => cp.reboot(type === 'Hard' ? 'HardReset' : 'SoftReset') };
}

function clearCache(cp: SimulatedChargePoint): CsmsCallAnswer {
  cp.clearAuthorizationCache();
  return { reply: { status: 'Accepted' } };
}

/** Accepted, echoing the data, for a vendor it knows; UnknownVendorId otherwise. */
function dataTransfer(cp: SimulatedChargePoint, payload: Payload): CsmsCallAnswer {
  if (!cp.acceptsDataTransferFrom(textField(payload, 'vendorId'))) return { reply: { status: 'UnknownVendorId' } };
  return { reply: payload.data === undefined ? { status: 'Accepted' } : { status: 'Accepted', data: payload.data } };
}

/** A fixed cable has no lock to open (NotSupported), as a connector it does not have. */
function unlockConnector(cp: SimulatedChargePoint, payload: Payload): CsmsCallAnswer {
  const connectorId = integerField(payload, 'connectorId');
  if (!isConnector(cp, connectorId, false) || cp.cableLock === 'fixedCable') return { reply: { status: 'NotSupported' } };
  if (cp.cableLock === 'unlockFails') return { reply: { status: 'UnlockFailed' } };
  // Unlocking the cable of a running transaction ends it (OCPP 1.6 §5.18).
  if (cp.transactionOn(connectorId) === undefined) return { reply: { status: 'Unlocked' } };
  return { reply: { status: 'Unlocked' }, afterwards: () => cp.finishTransaction(connectorId, 'UnlockCommand') };
}

const TRIGGERABLE = [
  'BootNotification',
  'DiagnosticsStatusNotification',
  'FirmwareStatusNotification',
  'Heartbeat',
  'MeterValues',
  'StatusNotification',
] as const;

const EXTENDED_TRIGGERABLE = [...TRIGGERABLE.filter((message) => message !== 'DiagnosticsStatusNotification'), 'LogStatusNotification', 'SignChargePointCertificate'];

/**
 * Security whitepaper: the messages TriggerMessage sends, the same way; a new CSR for
 * SignChargePointCertificate; where its log upload or signed firmware update stands (Idle when none runs).
 */
function extendedTriggerMessage(cp: SimulatedChargePoint, payload: Payload): CsmsCallAnswer {
  const requested = oneOf(payload, 'requestedMessage', EXTENDED_TRIGGERABLE);
  const sends = (action: string, report: object): CsmsCallAnswer => ({ reply: { status: 'Accepted' }, afterwards: () => cp.call(action, report) });
  if (requested === 'LogStatusNotification') return sends('LogStatusNotification', cp.procedures.logUpload.report);
  if (requested === 'FirmwareStatusNotification') return sends('SignedFirmwareStatusNotification', cp.procedures.signedFirmware.report);
  if (requested === 'SignChargePointCertificate') return signChargePointCertificate(cp);
  return triggerMessage(cp, payload);
}

function triggerMessage(cp: SimulatedChargePoint, payload: Payload): CsmsCallAnswer {
  const requested = oneOf(payload, 'requestedMessage', TRIGGERABLE);
  const connectorId = optionalConnectorId(payload);
  if (connectorId !== undefined && !isConnector(cp, connectorId, true)) return { reply: { status: 'Rejected' } };
  const accepted = (afterwards: () => Promise<unknown>): CsmsCallAnswer => ({ reply: { status: 'Accepted' }, afterwards });
  switch (requested) {
    case 'BootNotification':
      return accepted(() => cp.boot());
    case 'Heartbeat':
      return accepted(() => cp.heartbeat());
    case 'StatusNotification':
      return accepted(() => cp.reportStatuses(connectorId));
    case 'MeterValues':
      return accepted(() => cp.reportMeters(connectorId));
    case 'DiagnosticsStatusNotification':
      return accepted(() => cp.call('DiagnosticsStatusNotification', { status: 'Idle' }));
    case 'FirmwareStatusNotification':
      return accepted(() => cp.call('FirmwareStatusNotification', { status: 'Idle' }));
  }
}

function optionalText(payload: Payload, field: string): string | undefined {
  return payload[field] === undefined ? undefined : textField(payload, field);
}

function reserveNow(cp: SimulatedChargePoint, payload: Payload): CsmsCallAnswer {
  const connectorId = integerField(payload, 'connectorId');
  const expiresAt = Date.parse(textField(payload, 'expiryDate'));
  if (Number.isNaN(expiresAt)) throw new OcppError('PropertyConstraintViolation', 'expiryDate must be a date-time');
  const reservation = { id: integerField(payload, 'reservationId'), connectorId, idTag: textField(payload, 'idTag'), parentIdTag: optionalText(payload, 'parentIdTag'), expiresAt };
  if (!isConnector(cp, connectorId, true)) return { reply: { status: 'Rejected' } };
  const { status, afterwards } = cp.reserve(reservation);
  return { reply: { status }, afterwards };
}

function cancelReservation(cp: SimulatedChargePoint, payload: Payload): CsmsCallAnswer {
  const afterwards = cp.cancelReservation(integerField(payload, 'reservationId'));
  return afterwards ? { reply: { status: 'Accepted' }, afterwards } : { reply: { status: 'Rejected' } };
}

function optionalInteger(payload: Payload, field: string): number | undefined {
  return payload[field] === undefined ? undefined : integerField(payload, field);
}

/** The central system checked the profile against the schema; the wallbox judges it by OCPP's rules. */
function setChargingProfile(cp: SimulatedChargePoint, payload: Payload): CsmsCallAnswer {
  const connectorId = integerField(payload, 'connectorId');
  const profile = required(payload, 'csChargingProfiles') as ChargingProfile;
  return { reply: { status: cp.setChargingProfile(connectorId, profile) } };
}

function clearChargingProfile(cp: SimulatedChargePoint, payload: Payload): CsmsCallAnswer {
  const chargingProfilePurpose = payload.chargingProfilePurpose as ChargingProfilePurpose | undefined;
  const criteria = { id: optionalInteger(payload, 'id'), connectorId: optionalInteger(payload, 'connectorId'), chargingProfilePurpose, stackLevel: optionalInteger(payload, 'stackLevel') };
  return { reply: { status: cp.clearChargingProfiles(criteria) } };
}

function getCompositeSchedule(cp: SimulatedChargePoint, payload: Payload): CsmsCallAnswer {
  const connectorId = integerField(payload, 'connectorId');
  const duration = integerField(payload, 'duration');
  const unit = (payload.chargingRateUnit as ChargingRateUnit | undefined) ?? 'W';
  if (!isConnector(cp, connectorId, true) || duration < 1) return { reply: { status: 'Rejected' } };
  const scheduleStart = new Date();
  const chargingSchedule = cp.compositeSchedule(connectorId, duration, unit, scheduleStart.getTime());
  return { reply: { status: 'Accepted', connectorId, scheduleStart: scheduleStart.toISOString(), chargingSchedule } };
}
