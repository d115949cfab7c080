import { ContractError, parseWallboxCommand, type WallboxCommand, type WallboxCommandReply } from '@voltstream/contracts';
import { CENTRAL_SYSTEM_ACTIONS, validateConfirmation, validateRequest } from '@voltstream/ocpp';
import type { CallOutcome } from './outbound-calls';

const CENTRAL_SYSTEM: ReadonlySet<string> = new Set(CENTRAL_SYSTEM_ACTIONS);

export type CommandCheck =
  | { ok: true; action: string; payload: Record<string, unknown> }
  | { ok: false; reply: Extract<WallboxCommandReply, { outcome: 'invalid' }> };

function invalid(reason: string): CommandCheck {
  return { ok: false, reply: { outcome: 'invalid', reason } };
}

/**
 * Checks an operator command as received (the JSON of a `WallboxCommand`) before it is queued:
 * against its contract, then its action and payload against OCPP 1.6.
 */
export function checkWallboxCommand(data: Uint8Array): CommandCheck {
  let command: WallboxCommand;
  try {
    command = parseWallboxCommand(data);
  } catch (error) {
    if (error instanceof ContractError) return invalid(`the command does not fit its contract: ${error.reason}`);
    throw error;
  }
  const { action, payload } = command;
  if (!CENTRAL_SYSTEM.has(action)) return invalid(`${JSON.stringify(action)} is not an action the central system sends`);
  const validated = validateRequest(action, payload);
  if (!validated.ok) return invalid(`${action}: ${validated.error.description}`);
  return { ok: true, action, payload: validated.value };
}

/** The reply to the operator once the wallbox answered, timed out or went offline. */
export function commandReplyFor(action: string, outcome: CallOutcome): WallboxCommandReply {
  switch (outcome.kind) {
    case 'result': {
      const validated = validateConfirmation(action, outcome.payload);
      if (validated.ok) return { outcome: 'result', payload: validated.value };
      const { code, description, details } = validated.error;
      return { outcome: 'callError', code, description: `the charge point answered ${action} wrongly: ${description}`, details };
    }
    case 'callError':
      return { outcome: 'callError', code: outcome.code, description: outcome.description, details: outcome.details };
    case 'timeout':
      return { outcome: 'timeout' };
    case 'offline':
      return { outcome: 'offline' };
    default: {
      const exhaustive: never = outcome;
      return exhaustive;
    }
  }
}
