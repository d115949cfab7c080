import type { EntityManager } from 'typeorm';
import type { ChargingProfileCriteria } from '@voltstream/contracts';
import type { ChargingProfileChange } from '@voltstream/domain';

type Ended = Extract<ChargingProfileChange, { type: 'transactionProfilesEnded' }>;
type Bound = Extract<ChargingProfileChange, { type: 'remoteStartProfileBound' }>;

/**
 * Applies the batch's charging profile changes in log order (see libs/domain charging-profiles.ts).
 * Ends and starts of transactions come with every stop and start: a run of them is one statement.
 */
export async function applyChargingProfileChanges(manager: EntityManager, changes: ChargingProfileChange[]): Promise<void> {
  for (let index = 0; index < changes.length; ) {
    const change = changes[index];
    let end = index + 1;
    while (end < changes.length && changes[end].type === change.type && change.type !== 'chargingProfileInstalled' && change.type !== 'chargingProfilesCleared') end++;
    const run = changes.slice(index, end);
    switch (change.type) {
      case 'chargingProfileInstalled':
        await install(manager, change);
        break;
      case 'chargingProfilesCleared':
        await clear(manager, change.chargePointIdentity, change.criteria);
        break;
      case 'transactionProfilesEnded':
        await endTransactions(manager, run as Ended[]);
        break;
      case 'remoteStartProfileBound':
        await bind(manager, run as Bound[]);
        break;
      default: {
        const exhaustive: never = change;
        return exhaustive;
      }
    }
    index = end;
  }
}

async function install(manager: EntityManager, { row }: Extract<ChargingProfileChange, { type: 'chargingProfileInstalled' }>): Promise<void> {
  await manager.query(
    `DELETE FROM charging_profiles WHERE charge_point_identity = $1
       AND (charging_profile_id = $2 OR (connector_id = $3 AND purpose = $4 AND stack_level = $5))`,
    [row.chargePointIdentity, row.chargingProfileId, row.connectorId, row.purpose, row.stackLevel],
  );
  await manager.query(
    `INSERT INTO charging_profiles (charge_point_identity, charging_profile_id, connector_id, stack_level, purpose, transaction_id, remote_start_id_tag, profile, installed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [row.chargePointIdentity, row.chargingProfileId, row.connectorId, row.stackLevel, row.purpose, row.transactionId, row.remoteStartIdTag, row.profile, row.installedAt],
  );
}

/** By id when one is given; else every criterion given must match (an absent one matches all). */
async function clear(manager: EntityManager, identity: string, criteria: ChargingProfileCriteria): Promise<void> {
  if (criteria.id !== undefined) {
    await manager.query(`DELETE FROM charging_profiles WHERE charge_point_identity = $1 AND charging_profile_id = $2`, [identity, criteria.id]);
    return;
  }
  await manager.query(
    `DELETE FROM charging_profiles WHERE charge_point_identity = $1
       AND ($2::integer IS NULL OR connector_id = $2) AND ($3::varchar IS NULL OR purpose = $3) AND ($4::integer IS NULL OR stack_level = $4)`,
    [identity, criteria.connectorId ?? null, criteria.chargingProfilePurpose ?? null, criteria.stackLevel ?? null],
  );
}

async function endTransactions(manager: EntityManager, ended: Ended[]): Promise<void> {
  await manager.query(
    `DELETE FROM charging_profiles p USING unnest($1::varchar[], $2::integer[]) AS ended(identity, transaction_id)
     WHERE p.purpose = 'TxProfile' AND p.charge_point_identity = ended.identity AND p.transaction_id = ended.transaction_id`,
    [ended.map((change) => change.chargePointIdentity), ended.map((change) => change.transactionId)],
  );
}

async function bind(manager: EntityManager, started: Bound[]): Promise<void> {
  await manager.query(
    `UPDATE charging_profiles p SET transaction_id = started.transaction_id, connector_id = started.connector_id, remote_start_id_tag = NULL
     FROM unnest($1::varchar[], $2::integer[], $3::varchar[], $4::integer[]) AS started(identity, connector_id, id_tag, transaction_id)
     WHERE p.charge_point_identity = started.identity AND p.remote_start_id_tag = started.id_tag AND p.connector_id IN (0, started.connector_id)`,
    [started.map((change) => change.chargePointIdentity), started.map((change) => change.connectorId), started.map((change) => change.idTag), started.map((change) => change.transactionId)],
  );
}
