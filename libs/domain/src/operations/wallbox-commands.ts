import type { WallboxCommand } from '@voltstream/contracts';
import type { MessageTrigger, ResetType } from '@voltstream/ocpp';
import type { OperationFailure } from './failure';

/** What an operator asks a wallbox to do, in the operator's words. */
export type OperatorCommand =
  | { type: 'changeAvailability'; connectorId: number; available: boolean }
  | { type: 'remoteStart'; idTag: string; connectorId?: number }
  | { type: 'remoteStop'; transactionId: number }
  | { type: 'reset'; resetType: ResetType }
  | { type: 'unlock'; connectorId: number }
  | { type: 'trigger'; message: MessageTrigger; connectorId?: number }
  | { type: 'getConfiguration'; keys?: string[] }
  | { type: 'changeConfiguration'; key: string; value: string };

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
      return call('RemoteStartTransaction', { idTag: command.idTag, connectorId: command.connectorId });
    case 'remoteStop':
      return call('RemoteStopTransaction', { transactionId: command.transactionId });
    case 'reset':
      return call('Reset', { type: command.resetType });
    case 'unlock':
      return call('UnlockConnector', { connectorId: command.connectorId });
    case 'trigger':
      return call('TriggerMessage', { requestedMessage: command.message, connectorId: command.connectorId });
    case 'getConfiguration':
      return call('GetConfiguration', { key: command.keys });
    case 'changeConfiguration':
      return call('ChangeConfiguration', { key: command.key, value: command.value });
    default: {
      const exhaustive: never = command;
      return exhaustive;
    }
  }
}

/** Optional fields left undefined are left out, as OCPP expects of absent fields. */
function call(action: string, payload: Record<string, unknown>): WallboxCommand {
  const present = Object.entries(payload).filter(([, value]) => value !== undefined);
  return { action, payload: Object.fromEntries(present) };
}

/** Reads the gateway's reply (WallboxCommandReply), validating it, as a consumer must. */
export function interpretCommandReply(identity: string, reply: unknown): CommandResult {
  if (!isObject(reply)) return badGateway(identity, 'the reply is not an object');
  switch (reply.outcome) {
    case 'result':
      return isObject(reply.payload) ? { ok: true, payload: reply.payload } : badGateway(identity, 'the result has no payload');
    case 'callError':
      return failed(callErrorFailure(identity, reply));
    case 'invalid':
      return failed({ kind: 'invalid', message: `the request is not valid OCPP 1.6: ${String(reply.reason)}` });
    case 'timeout':
    case 'offline':
      return failed(unreachable(identity, reply.outcome));
    default:
      return badGateway(identity, `unknown outcome ${String(reply.outcome)}`);
  }
}

/** The charge point is not connected to any gateway, or did not answer within OCPP_CALL_TIMEOUT. */
export function unreachable(identity: string, kind: 'offline' | 'timeout'): OperationFailure {
  const message =
    kind === 'offline' ? `charge point ${identity} is offline` : `charge point ${identity} did not answer in time`;
  return { kind, message };
}

function callErrorFailure(identity: string, reply: Record<string, unknown>): OperationFailure {
  const code = String(reply.code);
  const description = typeof reply.description === 'string' ? reply.description : '';
  const details = isObject(reply.details) ? reply.details : {};
  return { kind: 'callError', message: `charge point ${identity} answered ${code}: ${description}`, code, description, details };
}

function failed(failure: OperationFailure): CommandResult {
  return { ok: false, failure };
}

function badGateway(identity: string, reason: string): CommandResult {
  return failed({ kind: 'badGateway', message: `unreadable reply from the gateway of ${identity}: ${reason}` });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
