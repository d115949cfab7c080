import { registerEnumType } from '@nestjs/graphql';
import { RELAXATIONS, START_MODES } from '@voltstream/contracts';
import { CHARGE_POINT_STATES } from '../charge-points/charge-point.view';
import { CERTIFICATE_SIGNING_STATUSES } from '@voltstream/domain';
import { EXTENDED_MESSAGE_TRIGGERS, LOG_TYPES, MESSAGE_TRIGGERS, RESET_TYPES } from '@voltstream/ocpp';

/** A GraphQL enum whose values are the strings of the contract, so no value is translated. */
export function enumOf<V extends string>(values: readonly V[], name: string, description: string): Record<V, V> {
  const enumeration = Object.fromEntries(values.map((value) => [value, value])) as Record<V, V>;
  registerEnumType(enumeration, { name, description });
  return enumeration;
}

export const ChargePointStateEnum = enumOf(CHARGE_POINT_STATES, 'ChargePointState', 'adopted by an operator, or only seen');
export const StartModeEnum = enumOf(START_MODES, 'StartMode', 'when a charging session may start (SPEC §4)');
export const RelaxationEnum = enumOf(RELAXATIONS, 'Relaxation', 'an OCPP quirk allowed to one wallbox');
export const ResetTypeEnum = enumOf(RESET_TYPES, 'ResetType', 'OCPP Reset type');
export const TriggerMessageEnum = enumOf(MESSAGE_TRIGGERS, 'TriggerMessage', 'a message OCPP TriggerMessage may request');
export const ExtendedTriggerMessageEnum = enumOf(EXTENDED_MESSAGE_TRIGGERS, 'ExtendedTriggerMessage', 'a message ExtendedTriggerMessage (security whitepaper) may request');
export const LogTypeEnum = enumOf(LOG_TYPES, 'LogType', 'the log GetLog (security whitepaper) asks a wallbox to upload');
export const CertificateSigningStatusEnum = enumOf(
  CERTIFICATE_SIGNING_STATUSES,
  'CertificateSigningStatus',
  "where a wallbox's newest SignCertificate request stands: stored, signed, refused by the CA, or the wallbox's answer to CertificateSigned (or none)",
);
