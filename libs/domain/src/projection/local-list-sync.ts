import type { LocalListEvent } from '@voltstream/contracts';
import { evolveLocalList, INITIAL_LOCAL_LIST, type LocalListState } from '../local-list';
import type { ProjectedLocalListSync } from './records';

/** Where a charge point's local list stands, for an operator (GET …/local-list). */
export function localListSyncState(row: Pick<ProjectedLocalListSync, 'notSupported' | 'wantedVersion' | 'acknowledgedVersion'>): string {
  if (row.notSupported) return 'notSupported';
  return row.acknowledgedVersion === row.wantedVersion ? 'inSync' : 'pending';
}

/** The local_list_sync row after a local list event: the fold of libs/domain local-list. */
export function projectLocalListSync(before: ProjectedLocalListSync | undefined, event: LocalListEvent, identity: string): ProjectedLocalListSync {
  const state = evolveLocalList(stateOf(before), event);
  const sent = event.type === 'LocalListSent' ? event : undefined;
  const row = {
    chargePointIdentity: identity,
    wantedVersion: state.wantedVersion,
    acknowledgedVersion: state.acknowledgedVersion,
    reportedVersion: state.reportedVersion,
    notSupported: state.notSupported,
    maxLength: state.maxLength ?? null,
    lastStatus: state.lastStatus,
    lastUpdateType: sent ? sent.data.updateType : (before?.lastUpdateType ?? null),
    lastSentAt: sent ? new Date(sent.metadata.recordedAt) : (before?.lastSentAt ?? null),
    held: state.held && [...state.held].map(([idTag, idTagInfo]) => ({ idTag, idTagInfo })),
  };
  return { ...row, state: localListSyncState(row) };
}

function stateOf(row: ProjectedLocalListSync | undefined): LocalListState {
  if (!row) return INITIAL_LOCAL_LIST;
  const { wantedVersion, acknowledgedVersion, reportedVersion, notSupported, maxLength, lastStatus } = row;
  const held = row.held && new Map(row.held.map(({ idTag, idTagInfo }) => [idTag, idTagInfo as NonNullable<typeof idTagInfo>]));
  return { ...INITIAL_LOCAL_LIST, wantedVersion, acknowledgedVersion, reportedVersion, notSupported, maxLength, lastStatus, held };
}
