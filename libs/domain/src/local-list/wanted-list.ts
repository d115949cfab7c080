import { createHash } from 'node:crypto';
import type { LocalListEntry, StartMode, TagEntry } from '@voltstream/contracts';
import { idTagInfoOf } from '../authorization/tags';
import type { Registration } from '../registry';

export type IdTagInfo = NonNullable<LocalListEntry['idTagInfo']>;
/** The list a charge point should hold: idTag → what it answers offline. */
export type WantedList = ReadonlyMap<string, IdTagInfo>;

/** SPEC §9: the tag lists a start mode puts on the wallbox's local list; `auto` and `anyTag` hold none. */
const LISTS_OF_MODE: Record<StartMode, { local: boolean; central: boolean }> = {
  auto: { local: false, central: false },
  anyTag: { local: false, central: false },
  centralList: { local: false, central: true },
  localList: { local: true, central: false },
  bothLists: { local: true, central: true },
};

export function usesCentralList(startMode: StartMode): boolean {
  return LISTS_OF_MODE[startMode].central;
}

/**
 * The list `registration`'s charge point should hold at `now`, every entry composed from its tag
 * (Accepted, Blocked, or Expired once `expiresAt` passed). A local tag wins over a central one of
 * the same id, as it does when the CSMS answers (decideTag).
 */
export function wantedList(registration: Registration, centralTags: Iterable<TagEntry>, now: Date): WantedList {
  const lists = LISTS_OF_MODE[registration.settings.startMode];
  const wanted = new Map<string, IdTagInfo>();
  if (lists.central) for (const tag of centralTags) wanted.set(tag.idTag, idTagInfoOf(tag, now));
  if (lists.local) for (const tag of registration.localTags.values()) wanted.set(tag.idTag, idTagInfoOf(tag, now));
  return wanted;
}

/** A fingerprint of a list's content, whatever the order its entries were composed in. */
export function digestOf(list: WantedList): string {
  const hash = createHash('sha256');
  for (const idTag of [...list.keys()].sort()) hash.update(JSON.stringify([idTag, list.get(idTag)]));
  return hash.digest('base64url');
}
