import type { TagEntry } from '@voltstream/contracts';

/** A tag entry of the central or a local list, owned by Ada Lovelace unless overridden. */
export function tagEntry(idTag: string, overrides: Partial<TagEntry> = {}): TagEntry {
  return {
    idTag,
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.com',
    info: '',
    expiresAt: null,
    blocked: false,
    parentIdTag: null,
    ...overrides,
  };
}
