import type { LocalListChanged, LocalListEntry, LocalListUpdateType } from '@voltstream/contracts';
import type { TagEntry } from '@voltstream/contracts';
import type { Registration } from '../registry';
import type { LocalListState } from './local-list';
import { digestOf, wantedList, type WantedList } from './wanted-list';

/** Why a sync is considered: a change or (re)connection (`automatic`), a boot (at the decision's `now`), or an operator. */
export interface SyncRequest {
  trigger: 'automatic' | 'boot' | 'operator';
  /** Operator: the full list even when a differential would do. */
  full?: boolean;
  /** Operator: an empty full list, version 0 (OCPP: 0 is the empty list), whatever should be held. */
  empty?: boolean;
}

export interface SyncChunk {
  updateType: LocalListUpdateType;
  entries: LocalListEntry[];
}

/** The SendLocalList calls of one sync, in order; all carry `version`. */
export interface SyncPlan {
  version: number;
  updateType: LocalListUpdateType;
  chunks: SyncChunk[];
}

export interface SyncDecision {
  /** A new version wanted, to record before sending. */
  changed?: LocalListChanged['data'];
  /** What to send; undefined: nothing. */
  plan?: SyncPlan;
}

/**
 * Given the charge point's registration, the central tags and its local list state, when a sync is
 * considered at `now`: the new version its list gets (if the list changed) and the calls to send.
 */
export function decideSync(
  registration: Registration,
  centralTags: Iterable<TagEntry>,
  state: LocalListState,
  request: SyncRequest,
  now: Date,
): SyncDecision {
  const wanted = wantedList(registration, centralTags, now);
  const changed = decideListChange(state, wanted);
  const current = changed ? { ...state, wantedVersion: changed.version, digest: changed.digest } : state;
  return { changed, plan: planSync(current, wanted, request, now) };
}

/** A new version when the list the charge point should hold differs from the last one recorded. */
export function decideListChange(state: LocalListState, wanted: WantedList): LocalListChanged['data'] | undefined {
  const digest = digestOf(wanted);
  if (digest === state.digest) return undefined;
  return { version: state.wantedVersion + 1, digest, size: wanted.size };
}

/**
 * The SendLocalList calls that bring the charge point to the wanted list: differential when what it
 * holds is known (and not empty), else full; in chunks of its SendLocalListMaxLength (a full list's
 * first chunk is Full, the rest Differential). Nothing when it already holds the wanted version, or
 * when it said NotSupported — unless it booted since or an operator asks.
 */
export function planSync(state: LocalListState, wanted: WantedList, request: SyncRequest, now: Date): SyncPlan | undefined {
  if (state.notSupported && !mayTryAgain(state, request, now)) return undefined;
  if (request.empty) return { version: 0, updateType: 'Full', chunks: [{ updateType: 'Full', entries: [] }] };
  const inSync = state.acknowledgedVersion === state.wantedVersion && state.held !== null;
  if (request.trigger !== 'operator' && inSync) return undefined;
  const full = request.full === true || state.acknowledgedVersion === null || state.held === null || state.held.size === 0;
  const entries = full ? entriesOf(wanted) : differenceOf(state.held as ReadonlyMap<string, unknown>, wanted);
  const updateType: LocalListUpdateType = full ? 'Full' : 'Differential';
  return { version: state.wantedVersion, updateType, chunks: chunk(entries, updateType, state.maxLength) };
}

/** NotSupported is asked again when an operator asks, or when the wallbox booted after it answered so. */
function mayTryAgain(state: LocalListState, request: SyncRequest, now: Date): boolean {
  if (request.trigger === 'operator') return true;
  return request.trigger === 'boot' && state.notSupportedSince !== null && Date.parse(state.notSupportedSince) < now.getTime();
}

function entriesOf(list: WantedList): LocalListEntry[] {
  return [...list].map(([idTag, idTagInfo]) => ({ idTag, idTagInfo }));
}

/** Entries added or changed, with their idTagInfo; removed ones without (OCPP 1.6 §5.15). */
function differenceOf(held: ReadonlyMap<string, unknown>, wanted: WantedList): LocalListEntry[] {
  const changed = entriesOf(wanted).filter(({ idTag, idTagInfo }) => JSON.stringify(held.get(idTag)) !== JSON.stringify(idTagInfo));
  const removed = [...held.keys()].filter((idTag) => !wanted.has(idTag)).map((idTag) => ({ idTag }));
  return [...changed, ...removed];
}

function chunk(entries: LocalListEntry[], updateType: LocalListUpdateType, maxLength: number | null | undefined): SyncChunk[] {
  const size = maxLength && maxLength > 0 ? maxLength : Math.max(entries.length, 1);
  const chunks: SyncChunk[] = [];
  for (let start = 0; start === 0 || start < entries.length; start += size) {
    chunks.push({ updateType: start === 0 ? updateType : 'Differential', entries: entries.slice(start, start + size) });
  }
  return chunks;
}
