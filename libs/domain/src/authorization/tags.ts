import type { IdTagInfo, StartMode, TagEntry, TagOwner } from '@voltstream/contracts';
import type { Registration } from '../registry';

export interface TagDecision {
  idTagInfo: IdTagInfo;
  /** The owner from the matched tag entry, for the transaction read model; null when no entry matched. */
  tagOwner: TagOwner | null;
}

type ListSource = 'local' | 'central';

/**
 * The lists whose entries a start mode consults, in order of precedence (local wins).
 * `auto` and `anyTag` accept unlisted tags but still consult both lists, so that a card an operator
 * blocked or let expire is refused on every charge point, and the owner of a listed card is known.
 */
const LISTS_OF_MODE: Record<StartMode, readonly ListSource[]> = {
  auto: ['local', 'central'],
  anyTag: ['local', 'central'],
  centralList: ['central'],
  localList: ['local'],
  bothLists: ['local', 'central'],
};

const ACCEPTS_UNLISTED: Record<StartMode, boolean> = {
  auto: true,
  anyTag: true,
  centralList: false,
  localList: false,
  bothLists: false,
};

const INVALID: TagDecision = { idTagInfo: { status: 'Invalid' }, tagOwner: null };

/** SPEC §4: the answer to an id tag presented at a charge point (Authorize, Start/StopTransaction). */
export function decideTag(
  idTag: string,
  registration: Registration | undefined,
  centralTag: TagEntry | undefined,
  now: Date,
): TagDecision {
  if (!registration) return INVALID;
  const { startMode } = registration.settings;
  const entry = findEntry(LISTS_OF_MODE[startMode], registration.localTags.get(idTag), centralTag);
  if (entry) return decideListed(entry, now);
  return ACCEPTS_UNLISTED[startMode] ? { idTagInfo: { status: 'Accepted' }, tagOwner: null } : INVALID;
}

function findEntry(lists: readonly ListSource[], local: TagEntry | undefined, central: TagEntry | undefined): TagEntry | undefined {
  const candidates = lists.map((list) => (list === 'local' ? local : central));
  return candidates.find((entry) => entry !== undefined);
}

function decideListed(entry: TagEntry, now: Date): TagDecision {
  return { idTagInfo: idTagInfoOf(entry, now), tagOwner: { firstName: entry.firstName, lastName: entry.lastName, email: entry.email } };
}

/** What a listed tag answers at `now`: Accepted, Blocked or Expired, with its expiryDate and parentIdTag. */
export function idTagInfoOf(entry: TagEntry, now: Date): IdTagInfo {
  const idTagInfo: IdTagInfo = { status: statusOf(entry, now) };
  if (entry.expiresAt !== null) idTagInfo.expiryDate = entry.expiresAt;
  if (entry.parentIdTag !== null) idTagInfo.parentIdTag = entry.parentIdTag;
  return idTagInfo;
}

function statusOf(entry: TagEntry, now: Date): IdTagInfo['status'] {
  if (entry.blocked) return 'Blocked';
  if (entry.expiresAt !== null && Date.parse(entry.expiresAt) <= now.getTime()) return 'Expired';
  return 'Accepted';
}
