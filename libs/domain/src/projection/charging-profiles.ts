import type { ChargingProfileCriteria, EventOf } from '@voltstream/contracts';
import type { ProjectedChargingProfile } from './records';

/**
 * What the events of Smart Charging do to the profiles the CSMS believes a wallbox holds. Each is
 * applied in the order of the log, as the wallbox applied it:
 * - installed: replaces the profile of the same id, and the one of the same purpose and stack level
 *   on the same connector (OCPP 1.6 §3.13.2);
 * - cleared: by id when one is given, else every profile matching all the criteria given (§5.5);
 * - a transaction ended: its TxProfiles go with it (§3.13.4);
 * - a transaction started: a remote start's TxProfile that awaits it — same tag, the transaction's
 *   connector or the connector 0 of a start that named none — is now for that transaction. The
 *   gateway records the remote start's answer before the wallbox's next call (the StartTransaction),
 *   so the profile is always there first.
 */
export type ChargingProfileChange =
  | { type: 'chargingProfileInstalled'; row: ProjectedChargingProfile }
  | { type: 'chargingProfilesCleared'; chargePointIdentity: string; criteria: ChargingProfileCriteria }
  | { type: 'transactionProfilesEnded'; chargePointIdentity: string; transactionId: number }
  | { type: 'remoteStartProfileBound'; chargePointIdentity: string; connectorId: number; idTag: string; transactionId: number };

export function chargingProfileSet(identity: string, event: EventOf<'ChargingProfileSet'>): ChargingProfileChange {
  const { connectorId, chargingProfile, remoteStartIdTag } = event.data;
  const row: ProjectedChargingProfile = {
    chargePointIdentity: identity,
    chargingProfileId: chargingProfile.chargingProfileId,
    connectorId,
    stackLevel: chargingProfile.stackLevel,
    purpose: chargingProfile.chargingProfilePurpose,
    transactionId: chargingProfile.transactionId ?? null,
    remoteStartIdTag: remoteStartIdTag ?? null,
    profile: chargingProfile,
    installedAt: new Date(event.metadata.recordedAt),
  };
  return { type: 'chargingProfileInstalled', row };
}

export function chargingProfilesCleared(identity: string, event: EventOf<'ChargingProfilesCleared'>): ChargingProfileChange {
  return { type: 'chargingProfilesCleared', chargePointIdentity: identity, criteria: event.data };
}

export function transactionProfilesEnded(identity: string, event: EventOf<'TransactionStopped'>): ChargingProfileChange {
  return { type: 'transactionProfilesEnded', chargePointIdentity: identity, transactionId: event.data.transactionId };
}

export function remoteStartProfileBound(identity: string, event: EventOf<'TransactionStarted'>): ChargingProfileChange {
  const { connectorId, idTag, transactionId } = event.data;
  return { type: 'remoteStartProfileBound', chargePointIdentity: identity, connectorId, idTag, transactionId };
}
