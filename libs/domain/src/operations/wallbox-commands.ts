import { ContractError, parseWallboxCommandReply, type WallboxCommand, type WallboxCommandReply } from '@voltstream/contracts';
import type {
  CertificateHashData,
  CertificateUse,
  ChargingProfile,
  ChargingProfilePurposeType,
  ChargingRateUnitType,
  ExtendedMessageTrigger,
  LogType,
  MessageTrigger,
  ResetType,
} from '@voltstream/ocpp';
import type { OperationFailure } from './failure';

/** What an operator asks a wallbox to do, in the operator's words. */
export type OperatorCommand =
  | { type: 'changeAvailability'; connectorId: number; available: boolean }
  | { type: 'remoteStart'; idTag: string; connectorId?: number; chargingProfile?: ChargingProfile }
  | { type: 'remoteStop'; transactionId: number }
  | { type: 'reset'; resetType: ResetType }
  | { type: 'unlock'; connectorId: number }
  | { type: 'trigger'; message: MessageTrigger; connectorId?: number }
  | { type: 'extendedTrigger'; requestedMessage: ExtendedMessageTrigger; connectorId?: number }
  | { type: 'getConfiguration'; keys?: string[] }
  | { type: 'changeConfiguration'; key: string; value: string }
  | { type: 'reserveNow'; reservationId: number; connectorId: number; idTag: string; parentIdTag?: string; expiresAt: Date }
  | { type: 'cancelReservation'; reservationId: number }
  | ({ type: 'updateFirmware' } & FirmwareUpdate)
  | ({ type: 'getDiagnostics' } & DiagnosticsRequest)
  | ({ type: 'getLog' } & LogRequest)
  | ({ type: 'signedUpdateFirmware' } & SignedFirmwareUpdate)
  | { type: 'setChargingProfile'; connectorId: number; chargingProfile: ChargingProfile }
  | { type: 'clearChargingProfile'; id?: number; connectorId?: number; purpose?: ChargingProfilePurposeType; stackLevel?: number }
  | { type: 'getCompositeSchedule'; connectorId: number; duration: number; chargingRateUnit?: ChargingRateUnitType }
  | { type: 'clearCache' }
  | { type: 'dataTransfer'; vendorId: string; messageId?: string; data?: string }
  | { type: 'installCertificate'; certificateType: CertificateUse; certificate: string }
  | { type: 'getInstalledCertificateIds'; certificateType: CertificateUse }
  | { type: 'deleteCertificate'; certificateHashData: CertificateHashData };

/** UpdateFirmware: where the wallbox fetches the image, and from when. */
export interface FirmwareUpdate {
  location: string;
  retrieveDate: string;
  retries?: number;
  retryInterval?: number;
}

/** GetDiagnostics: where the wallbox uploads its file, and the period it covers. */
export interface DiagnosticsRequest {
  location: string;
  startTime?: string;
  stopTime?: string;
  retries?: number;
  retryInterval?: number;
}

/** GetLog (security whitepaper): which log, where the wallbox uploads it, and the period it covers. */
export interface LogRequest {
  logType: LogType;
  requestId: number;
  location: string;
  oldestTimestamp?: string;
  latestTimestamp?: string;
  retries?: number;
  retryInterval?: number;
}

/**
 * SignedUpdateFirmware (security whitepaper): where the wallbox fetches the image, from when, and
 * the signing certificate (PEM) and signature (base64) it verifies the image with.
 */
export interface SignedFirmwareUpdate {
  requestId: number;
  location: string;
  retrieveDateTime: string;
  installDateTime?: string;
  signingCertificate: string;
  signature: string;
  retries?: number;
  retryInterval?: number;
}

export type CommandResult = { ok: true; payload: Record<string, unknown> } | { ok: false; failure: OperationFailure };

/** Translates an operator command into the OCPP 1.6 call the gateway sends to the wallbox. */
export function toWallboxCommand(command: OperatorCommand): WallboxCommand {
  switch (command.type) {
    case 'changeAvailability':
      return call('ChangeAvailability', {
        connectorId: command.connectorId,
        type: command.available ? 'Operative' : 'Inoperative',
      });
    case 'remoteStart':
      return call('RemoteStartTransaction', { idTag: command.idTag, connectorId: command.connectorId, chargingProfile: command.chargingProfile });
    case 'remoteStop':
      return call('RemoteStopTransaction', { transactionId: command.transactionId });
    case 'reset':
      return call('Reset', { type: command.resetType });
    case 'unlock':
      return call('UnlockConnector', { connectorId: command.connectorId });
    case 'trigger':
      return call('TriggerMessage', { requestedMessage: command.message, connectorId: command.connectorId });
    case 'extendedTrigger':
      return call('ExtendedTriggerMessage', { requestedMessage: command.requestedMessage, connectorId: command.connectorId });
    case 'getConfiguration':
      return call('GetConfiguration', { key: command.keys });
    case 'changeConfiguration':
      return call('ChangeConfiguration', { key: command.key, value: command.value });
    case 'reserveNow': {
      const { connectorId, idTag, parentIdTag, reservationId } = command;
      return call('ReserveNow', { connectorId, expiryDate: command.expiresAt.toISOString(), idTag, parentIdTag, reservationId });
    }
    case 'cancelReservation':
      return call('CancelReservation', { reservationId: command.reservationId });
    case 'updateFirmware': {
      const { location, retrieveDate, retries, retryInterval } = command;
      return call('UpdateFirmware', { location, retrieveDate, retries, retryInterval });
    }
    case 'getDiagnostics': {
      const { location, startTime, stopTime, retries, retryInterval } = command;
      return call('GetDiagnostics', { location, startTime, stopTime, retries, retryInterval });
    }
    case 'getLog': {
      const { logType, requestId, location, oldestTimestamp, latestTimestamp, retries, retryInterval } = command;
      return call('GetLog', { logType, requestId, log: present({ remoteLocation: location, oldestTimestamp, latestTimestamp }), retries, retryInterval });
    }
    case 'signedUpdateFirmware': {
      const { requestId, location, retrieveDateTime, installDateTime, signingCertificate, signature, retries, retryInterval } = command;
      const firmware = present({ location, retrieveDateTime, installDateTime, signingCertificate, signature });
      return call('SignedUpdateFirmware', { requestId, firmware, retries, retryInterval });
    }
    case 'setChargingProfile':
      return call('SetChargingProfile', { connectorId: command.connectorId, csChargingProfiles: command.chargingProfile });
    case 'clearChargingProfile':
      return call('ClearChargingProfile', { id: command.id, connectorId: command.connectorId, chargingProfilePurpose: command.purpose, stackLevel: command.stackLevel });
    case 'getCompositeSchedule':
      return call('GetCompositeSchedule', { connectorId: command.connectorId, duration: command.duration, chargingRateUnit: command.chargingRateUnit });
    case 'clearCache':
      return call('ClearCache', {});
    case 'dataTransfer':
      return call('DataTransfer', { vendorId: command.vendorId, messageId: command.messageId, data: command.data });
    case 'installCertificate':
      return call('InstallCertificate', { certificateType: command.certificateType, certificate: command.certificate });
    case 'getInstalledCertificateIds':
      return call('GetInstalledCertificateIds', { certificateType: command.certificateType });
    case 'deleteCertificate': {
      const { hashAlgorithm, issuerNameHash, issuerKeyHash, serialNumber } = command.certificateHashData;
      return call('DeleteCertificate', { certificateHashData: { hashAlgorithm, issuerNameHash, issuerKeyHash, serialNumber } });
    }
    default: {
      const exhaustive: never = command;
      return exhaustive;
    }
  }
}

/** Optional fields left undefined are left out, as OCPP expects of absent fields. */
function present(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

function call(action: string, payload: Record<string, unknown>): WallboxCommand {
  return { action, payload: present(payload) };
}

/** Reads the gateway's reply as received, parsed against its contract (WallboxCommandReply). */
export function interpretCommandReply(identity: string, data: Uint8Array): CommandResult {
  let reply: WallboxCommandReply;
  try {
    reply = parseWallboxCommandReply(data);
  } catch (error) {
    if (error instanceof ContractError) return badGateway(identity, error.reason);
    throw error;
  }
  switch (reply.outcome) {
    case 'result':
      return { ok: true, payload: reply.payload };
    case 'callError': {
      const { code, description, details } = reply;
      return failed({ kind: 'callError', message: `charge point ${identity} answered ${code}: ${description}`, code, description, details });
    }
    case 'invalid':
      return failed({ kind: 'invalid', message: `the request is not valid OCPP 1.6: ${reply.reason}` });
    case 'timeout':
    case 'offline':
      return failed(unreachable(identity, reply.outcome));
    default: {
      const exhaustive: never = reply;
      return exhaustive;
    }
  }
}

/** The charge point is not connected to any gateway, or did not answer within OCPP_CALL_TIMEOUT. */
export function unreachable(identity: string, kind: 'offline' | 'timeout'): OperationFailure {
  const message =
    kind === 'offline' ? `charge point ${identity} is offline` : `charge point ${identity} did not answer in time`;
  return { kind, message };
}

function failed(failure: OperationFailure): CommandResult {
  return { ok: false, failure };
}

function badGateway(identity: string, reason: string): CommandResult {
  return failed({ kind: 'badGateway', message: `unreadable reply from the gateway of ${identity}: ${reason}` });
}
