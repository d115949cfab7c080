/** The error codes of a CALLERROR, OCPP-J 1.6 §4.2.3 (spelled as 1.6 spells them). */
export const OCPP_ERROR_CODES = [
  'NotImplemented',
  'NotSupported',
  'InternalError',
  'ProtocolError',
  'SecurityError',
  'FormationViolation',
  'PropertyConstraintViolation',
  'OccurenceConstraintViolation',
  'TypeConstraintViolation',
  'GenericError',
] as const;
export type OcppErrorCode = (typeof OCPP_ERROR_CODES)[number];

/** The one error type of the OCPP boundary: everything needed to answer with a CALLERROR. */
export class OcppError extends Error {
  constructor(
    readonly code: OcppErrorCode,
    readonly description: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code}: ${description}`);
    this.name = 'OcppError';
  }
}
