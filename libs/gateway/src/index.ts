export {
  afterPasswordCheck,
  BASIC_REALM,
  decideHandshake,
  ENDPOINT_PREFIX,
  identityFromUrl,
  OCPP_SUBPROTOCOL,
  parseProtocolsHeader,
  passwordFromAuthorization,
  tooManyAttempts,
} from './handshake';
export type {
  HandshakeAccepted,
  HandshakeContext,
  HandshakeDecision,
  HandshakeNeedsPassword,
  HandshakeRefused,
  HandshakeRegistration,
  HandshakeRequest,
  HandshakeTransport,
  ClientCertificate,
} from './handshake';
export { secureContextOptions, TLS_CIPHERS, tlsServerOptions } from './tls-policy';
export type { TlsMaterial } from './tls-policy';
export { authorizationQuestion, confirmationFor, gatewayDecision, isStationAction, toEvent } from './station-messages';
export type { AuthorizationQuestion, DecisionOf, StationAction, StationDecisions, StationRequests } from './station-messages';
export { isNewerClaim, nextConnectedAt } from './connection-claims';
export { OutboundCallQueue } from './outbound-calls';
export type { CallOutcome, CallReply, OutboundCallOptions, Timers } from './outbound-calls';
export { checkWallboxCommand, commandReplyFor } from './wallbox-commands';
export type { CommandCheck } from './wallbox-commands';
export { GarbageMeter, GARBAGE_LIMIT } from './garbage-meter';
export { connectionMessageId, publishMessageId, refusalMessageId } from './message-id';
export { CredentialCache, CREDENTIAL_CACHE_SIZE } from './credential-cache';
export { GatewayRegistry } from './gateway-registry';
export type { GatewayRegistration } from './gateway-registry';
export { ADDRESS_BUDGET, IDENTITY_BUDGET, LoginThrottle } from './login-throttle';
export type { Admission, AttemptBudget } from './login-throttle';
export { beyondLimits, INT32_MAX, INT32_MIN, isConfirmedWhenRefused } from './value-limits';
export type { StationLimits } from './value-limits';
export { numberOfConnectorsIn } from './configuration';
export { LOST_GATEWAY_REASON, lostConnections } from './lost-gateway';
export type { LoggedEvent, LostConnection } from './lost-gateway';
export { drainPlan, MIN_DRAIN_SLICE_MS } from './drain-plan';
export type { DrainSlice } from './drain-plan';
export { commandAnswerEvent } from './command-answer-events';
export { certificateAnswerEvent } from './certificate-answer-events';
export type { CommandAnswerEvent } from './command-answer-events';
export type { CertificateAnswerEvent } from './certificate-answer-events';
