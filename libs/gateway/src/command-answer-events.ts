import { createEvent, type ChargingProfileRecord, type EventOf, type WallboxCommandReply } from '@voltstream/contracts';

/** What a wallbox's answer to an operator command teaches the CSMS: recorded before the operator hears it. */
export type CommandAnswerEvent = EventOf<'ChargingProfileSet'> | EventOf<'ChargingProfilesCleared'>;

type Payload = Record<string, unknown>;

function accepted(reply: WallboxCommandReply): boolean {
  return reply.outcome === 'result' && reply.payload.status === 'Accepted';
}

function optionalNumber(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function clearCriteria(request: Payload): EventOf<'ChargingProfilesCleared'>['data'] {
  const criteria = {
    id: optionalNumber(request.id),
    connectorId: optionalNumber(request.connectorId),
    chargingProfilePurpose: typeof request.chargingProfilePurpose === 'string' ? request.chargingProfilePurpose : undefined,
    stackLevel: optionalNumber(request.stackLevel),
  };
  return Object.fromEntries(Object.entries(criteria).filter(([, value]) => value !== undefined));
}

/**
 * The event an answer records, if any; `request` is the payload the gateway validated and sent
 * (OCPP 1.6 schema), so its profile fits ChargingProfileRecord.
 * - SetChargingProfile Accepted: the profile is installed on the connector.
 * - ClearChargingProfile Accepted: the wallbox cleared what matches the request's criteria.
 * - RemoteStartTransaction Accepted with a `chargingProfile`: the TxProfile of the transaction the
 *   start begins, on its connector (0 when it named none), awaiting that transaction.
 */
export function commandAnswerEvent(identity: string, action: string, request: Payload, reply: WallboxCommandReply, at: Date): CommandAnswerEvent | undefined {
  if (!accepted(reply)) return undefined;
  switch (action) {
    case 'SetChargingProfile':
      return createEvent(
        'ChargingProfileSet',
        { connectorId: request.connectorId as number, chargingProfile: request.csChargingProfiles as ChargingProfileRecord },
        identity,
        at,
      );
    case 'ClearChargingProfile':
      return createEvent('ChargingProfilesCleared', clearCriteria(request), identity, at);
    case 'RemoteStartTransaction':
      if (request.chargingProfile === undefined) return undefined;
      return createEvent(
        'ChargingProfileSet',
        { connectorId: optionalNumber(request.connectorId) ?? 0, chargingProfile: request.chargingProfile as ChargingProfileRecord, remoteStartIdTag: request.idTag as string },
        identity,
        at,
      );
    default:
      return undefined;
  }
}
