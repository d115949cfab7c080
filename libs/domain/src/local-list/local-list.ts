import type { LocalListEvent, LocalListSent } from '@voltstream/contracts';
import type { IdTagInfo } from './wanted-list';

/** What the CSMS knows of one charge point's local list, folded from its local list events. */
export interface LocalListState {
  /** The version of the list the charge point should hold; 0 before the first. */
  wantedVersion: number;
  /** Fingerprint of the wanted list (digestOf): a change that does not alter it is no new version. */
  digest: string | null;
  /** The last version the charge point accepted whole (every chunk); null while unknown. */
  acknowledgedVersion: number | null;
  /** What the charge point holds, from the chunks it accepted; null while unknown (a full sync follows). */
  held: ReadonlyMap<string, IdTagInfo> | null;
  /** It answered NotSupported (SendLocalList) or -1 (GetLocalListVersion): no sync by itself until it boots. */
  notSupported: boolean;
  /** When the CSMS recorded that answer: a boot after it is a new chance. */
  notSupportedSince: string | null;
  /** SendLocalListMaxLength; null: the wallbox does not say; undefined: not read yet. */
  maxLength: number | null | undefined;
  /** The wallbox's last answer to SendLocalList. */
  lastStatus: string | null;
  /** What GetLocalListVersion last answered. */
  reportedVersion: number | null;
}

export const INITIAL_LOCAL_LIST: LocalListState = {
  wantedVersion: 0,
  digest: null,
  acknowledgedVersion: null,
  held: null,
  notSupported: false,
  notSupportedSince: null,
  maxLength: undefined,
  lastStatus: null,
  reportedVersion: null,
};

export function evolveLocalList(state: LocalListState, event: LocalListEvent): LocalListState {
  switch (event.type) {
    case 'LocalListChanged':
      return { ...state, wantedVersion: event.data.version, digest: event.data.digest };
    case 'LocalListSent':
      return { ...afterSent(state, event.data, event.metadata.recordedAt), lastStatus: event.data.status };
    case 'LocalListVersionReported': {
      const { listVersion } = event.data;
      // OCPP: 0 is the empty list, whatever version emptied it.
      const known = listVersion === state.acknowledgedVersion || (listVersion === 0 && state.held?.size === 0);
      return {
        ...state,
        reportedVersion: listVersion,
        notSupported: listVersion === -1,
        notSupportedSince: listVersion === -1 ? event.metadata.recordedAt : null,
        acknowledgedVersion: known ? state.acknowledgedVersion : null,
        held: known ? state.held : null,
      };
    }
    case 'LocalListMaxLengthRead':
      return { ...state, maxLength: event.data.maxLength };
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

export function foldLocalList(events: readonly LocalListEvent[]): LocalListState {
  return events.reduce(evolveLocalList, INITIAL_LOCAL_LIST);
}

function afterSent(state: LocalListState, sent: LocalListSent['data'], recordedAt: string): LocalListState {
  switch (sent.status) {
    case 'Accepted': {
      const held = new Map(sent.updateType === 'Full' || state.held === null ? [] : state.held);
      for (const { idTag, idTagInfo } of sent.entries) {
        if (idTagInfo) held.set(idTag, idTagInfo);
        else held.delete(idTag);
      }
      const acknowledgedVersion = sent.complete ? sent.version : state.acknowledgedVersion;
      return { ...state, held, acknowledgedVersion, notSupported: false, notSupportedSince: null };
    }
    case 'NotSupported':
      return { ...state, notSupported: true, notSupportedSince: recordedAt };
    default:
      // Failed, VersionMismatch: what the wallbox holds is unknown, the next sync is full.
      return { ...state, acknowledgedVersion: null, held: null, notSupported: false, notSupportedSince: null };
  }
}
