import type { OcppError } from '../errors';
import type { OcppAction } from './actions';
import * as certificates from './certificates';
import * as cp from './core-charge-point';
import * as cs from './core-central-system';
import * as firmware from './firmware';
import * as localAuthList from './local-auth-list';
import * as remoteTrigger from './remote-trigger';
import * as reservation from './reservation';
import * as security from './security';
import * as securityLogsFirmware from './security-logs-firmware';
import * as smartCharging from './smart-charging';
import { invalid, validatePayload, type MessageClass, type Validated, type ValidationOptions } from './validation';

interface MessagePair {
  request: MessageClass;
  confirmation: MessageClass;
}

/** The request and confirmation class of every action. */
const MESSAGES = {
  Authorize: { request: cp.AuthorizeRequest, confirmation: cp.AuthorizeConfirmation },
  BootNotification: { request: cp.BootNotificationRequest, confirmation: cp.BootNotificationConfirmation },
  CertificateSigned: { request: certificates.CertificateSignedRequest, confirmation: certificates.CertificateSignedConfirmation },
  CancelReservation: { request: reservation.CancelReservationRequest, confirmation: reservation.CancelReservationConfirmation },
  ChangeAvailability: { request: cs.ChangeAvailabilityRequest, confirmation: cs.ChangeAvailabilityConfirmation },
  ChangeConfiguration: { request: cs.ChangeConfigurationRequest, confirmation: cs.ChangeConfigurationConfirmation },
  ClearCache: { request: cs.ClearCacheRequest, confirmation: cs.ClearCacheConfirmation },
  ClearChargingProfile: {
    request: smartCharging.ClearChargingProfileRequest,
    confirmation: smartCharging.ClearChargingProfileConfirmation,
  },
  DataTransfer: { request: cp.DataTransferRequest, confirmation: cp.DataTransferConfirmation },
  DeleteCertificate: { request: certificates.DeleteCertificateRequest, confirmation: certificates.DeleteCertificateConfirmation },
  DiagnosticsStatusNotification: {
    request: firmware.DiagnosticsStatusNotificationRequest,
    confirmation: firmware.DiagnosticsStatusNotificationConfirmation,
  },
  FirmwareStatusNotification: {
    request: firmware.FirmwareStatusNotificationRequest,
    confirmation: firmware.FirmwareStatusNotificationConfirmation,
  },
  ExtendedTriggerMessage: { request: security.ExtendedTriggerMessageRequest, confirmation: security.ExtendedTriggerMessageConfirmation },
  GetCompositeSchedule: {
    request: smartCharging.GetCompositeScheduleRequest,
    confirmation: smartCharging.GetCompositeScheduleConfirmation,
  },
  GetConfiguration: { request: cs.GetConfigurationRequest, confirmation: cs.GetConfigurationConfirmation },
  GetDiagnostics: { request: firmware.GetDiagnosticsRequest, confirmation: firmware.GetDiagnosticsConfirmation },
  GetInstalledCertificateIds: {
    request: certificates.GetInstalledCertificateIdsRequest,
    confirmation: certificates.GetInstalledCertificateIdsConfirmation,
  },
  InstallCertificate: { request: certificates.InstallCertificateRequest, confirmation: certificates.InstallCertificateConfirmation },
  GetLocalListVersion: {
    request: localAuthList.GetLocalListVersionRequest,
    confirmation: localAuthList.GetLocalListVersionConfirmation,
  },
  Heartbeat: { request: cp.HeartbeatRequest, confirmation: cp.HeartbeatConfirmation },
  MeterValues: { request: cp.MeterValuesRequest, confirmation: cp.MeterValuesConfirmation },
  RemoteStartTransaction: { request: cs.RemoteStartTransactionRequest, confirmation: cs.RemoteStartTransactionConfirmation },
  RemoteStopTransaction: { request: cs.RemoteStopTransactionRequest, confirmation: cs.RemoteStopTransactionConfirmation },
  ReserveNow: { request: reservation.ReserveNowRequest, confirmation: reservation.ReserveNowConfirmation },
  Reset: { request: cs.ResetRequest, confirmation: cs.ResetConfirmation },
  SecurityEventNotification: { request: security.SecurityEventNotificationRequest, confirmation: security.SecurityEventNotificationConfirmation },
  SignCertificate: { request: certificates.SignCertificateRequest, confirmation: certificates.SignCertificateConfirmation },
  SendLocalList: { request: localAuthList.SendLocalListRequest, confirmation: localAuthList.SendLocalListConfirmation },
  SetChargingProfile: {
    request: smartCharging.SetChargingProfileRequest,
    confirmation: smartCharging.SetChargingProfileConfirmation,
  },
  StartTransaction: { request: cp.StartTransactionRequest, confirmation: cp.StartTransactionConfirmation },
  StatusNotification: { request: cp.StatusNotificationRequest, confirmation: cp.StatusNotificationConfirmation },
  StopTransaction: { request: cp.StopTransactionRequest, confirmation: cp.StopTransactionConfirmation },
  TriggerMessage: { request: remoteTrigger.TriggerMessageRequest, confirmation: remoteTrigger.TriggerMessageConfirmation },
  UnlockConnector: { request: cs.UnlockConnectorRequest, confirmation: cs.UnlockConnectorConfirmation },
  UpdateFirmware: { request: firmware.UpdateFirmwareRequest, confirmation: firmware.UpdateFirmwareConfirmation },
  GetLog: { request: securityLogsFirmware.GetLogRequest, confirmation: securityLogsFirmware.GetLogConfirmation },
  LogStatusNotification: {
    request: securityLogsFirmware.LogStatusNotificationRequest,
    confirmation: securityLogsFirmware.LogStatusNotificationConfirmation,
  },
  SignedUpdateFirmware: {
    request: securityLogsFirmware.SignedUpdateFirmwareRequest,
    confirmation: securityLogsFirmware.SignedUpdateFirmwareConfirmation,
  },
  SignedFirmwareStatusNotification: {
    request: securityLogsFirmware.SignedFirmwareStatusNotificationRequest,
    confirmation: securityLogsFirmware.SignedFirmwareStatusNotificationConfirmation,
  },
} as const satisfies Record<OcppAction, MessagePair>;

type Messages = typeof MESSAGES;
/** The request payload type of an action: `OcppRequest<'BootNotification'>`. */
export type OcppRequest<A extends OcppAction> = InstanceType<Messages[A]['request']>;
/** The confirmation payload type of an action: `OcppConfirmation<'BootNotification'>`. */
export type OcppConfirmation<A extends OcppAction> = InstanceType<Messages[A]['confirmation']>;

/** The class a payload of `action` is validated against (for the validation paths' own tests). */
export function messageClassOf(action: OcppAction, direction: keyof MessagePair): MessageClass {
  return MESSAGES[action][direction];
}

export function isOcppAction(action: string): action is OcppAction {
  return Object.hasOwn(MESSAGES, action);
}

function unknownAction(action: string): { ok: false; error: OcppError } {
  return invalid('NotImplemented', `unknown action ${JSON.stringify(action)}`);
}

/** Validates the payload of a CALL of any action, sent by either side. */
export function validateRequest(action: string, payload: unknown, options?: ValidationOptions): Validated<Record<string, unknown>> {
  if (!isOcppAction(action)) return unknownAction(action);
  return validatePayload(MESSAGES[action].request, payload, options);
}

/** Validates the payload of a CALLRESULT answering a CALL of `action`. */
export function validateConfirmation(
  action: string,
  payload: unknown,
  options?: ValidationOptions,
): Validated<Record<string, unknown>> {
  if (!isOcppAction(action)) return unknownAction(action);
  return validatePayload(MESSAGES[action].confirmation, payload, options);
}
