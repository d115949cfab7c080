import { chargingProfileViolation, validateRequest, type ChargingProfile, type ChargingProfileUse } from '@voltstream/ocpp';
import type { OperationFailure } from './failure';
import { toWallboxCommand, type OperatorCommand } from './wallbox-commands';

function profileOf(command: OperatorCommand): { profile: ChargingProfile; use: ChargingProfileUse } | undefined {
  if (command.type === 'setChargingProfile') return { profile: command.chargingProfile, use: { kind: 'setChargingProfile', connectorId: command.connectorId } };
  if (command.type === 'remoteStart' && command.chargingProfile !== undefined) return { profile: command.chargingProfile, use: { kind: 'remoteStart' } };
  return undefined;
}

/**
 * Checks a command that carries a charging profile before it is sent: the call it becomes against
 * the OCPP 1.6 schema, then the profile against the rules a schema cannot state
 * (chargingProfileViolation). The failure names the field, as the body has it.
 */
export function chargingProfileFailure(command: OperatorCommand): OperationFailure | undefined {
  const carried = profileOf(command);
  if (carried === undefined) return undefined;
  const { action, payload } = toWallboxCommand(command);
  const validated = validateRequest(action, payload);
  if (!validated.ok) return { kind: 'invalid', message: validated.error.description };
  const violation = chargingProfileViolation(carried.profile, carried.use);
  return violation && { kind: 'invalid', message: `${violation.field} ${violation.reason}` };
}
