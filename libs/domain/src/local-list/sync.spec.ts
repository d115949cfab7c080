import { describe, expect, it } from 'vitest';
import { createEvent, type LocalListEvent, type StartMode, type TagEntry, type VoltstreamEvent } from '@voltstream/contracts';
import { RegistryView } from '../registry';
import { foldLocalList } from './local-list';
import { decideSync, type SyncRequest } from './sync';
import { digestOf, wantedList } from './wanted-list';

const CP = 'CP-1';
const now = new Date('2026-03-01T12:00:00Z');
const tag = (idTag: string, extra: Partial<TagEntry> = {}): TagEntry => ({
  idTag, firstName: '', lastName: '', email: '', info: '', expiresAt: null, blocked: false, parentIdTag: null, ...extra,
});
const adopted = (startMode: StartMode) =>
  createEvent('ChargePointAdopted', { startMode, relaxations: [], autoStartIdTag: null, passwordHash: null, description: null }, CP, now);
const localTag = (entry: TagEntry) => createEvent('LocalTagSaved', { tag: entry }, CP, now);
const centralTag = (entry: TagEntry) => createEvent('TagSaved', { tag: entry }, null, now);
const sent = (version: number, updateType: 'Full' | 'Differential', entries: { idTag: string }[], status = 'Accepted', complete = true) =>
  createEvent('LocalListSent', { version, updateType, entries, complete, status }, CP, now);
const accepted = { status: 'Accepted' } as const;

/** given(registry and tag events, local list events).when(request).then(decision) */
function given(registry: VoltstreamEvent[], localList: LocalListEvent[] = []) {
  const view = new RegistryView();
  registry.forEach((event) => view.apply(event));
  const registration = view.registration(CP);
  if (!registration) throw new Error('not adopted');
  const state = foldLocalList(localList);
  const changedTo = (version: number) => createEvent('LocalListChanged', { version, digest: digestOf(wantedList(registration, view.allCentralTags(), now)), size: 0 }, CP, now);
  return {
    changedTo,
    when: (request: SyncRequest, at = now) => decideSync(registration, view.allCentralTags(), state, request, at),
  };
}

describe('local list sync (SPEC §9): given the tags, settings and sync state, when a change or connection, then what to send', () => {
  it('sends a localList charge point its local tags as a full list, version 1, when nothing was sent before', () => {
    const decision = given([adopted('localList'), localTag(tag('A')), centralTag(tag('C'))]).when({ trigger: 'automatic' });
    expect(decision.changed).toMatchObject({ version: 1, size: 1 });
    expect(decision.plan).toEqual({ version: 1, updateType: 'Full', chunks: [{ updateType: 'Full', entries: [{ idTag: 'A', idTagInfo: accepted }] }] });
  });

  it('follows the start mode: centralList the central list, bothLists both (local wins), auto and anyTag none', () => {
    const tags = [localTag(tag('A', { blocked: true })), centralTag(tag('A')), centralTag(tag('C', { parentIdTag: 'P' }))];
    const entriesOf = (mode: StartMode) => given([adopted(mode), ...tags]).when({ trigger: 'automatic' }).plan?.chunks[0].entries;
    expect(entriesOf('centralList')).toEqual([{ idTag: 'A', idTagInfo: accepted }, { idTag: 'C', idTagInfo: { status: 'Accepted', parentIdTag: 'P' } }]);
    expect(entriesOf('bothLists')).toEqual([{ idTag: 'A', idTagInfo: { status: 'Blocked' } }, { idTag: 'C', idTagInfo: { status: 'Accepted', parentIdTag: 'P' } }]);
    expect(entriesOf('auto')).toEqual([]);
    expect(entriesOf('anyTag')).toEqual([]);
  });

  it('sends a differential of what changed once the charge point acknowledged a version: added, blocked, expired, removed', () => {
    const registry = [adopted('localList'), localTag(tag('A')), localTag(tag('B')), localTag(tag('GONE'))];
    const before = given(registry);
    const history = [before.changedTo(1), sent(1, 'Full', [{ idTag: 'A', idTagInfo: accepted }, { idTag: 'B', idTagInfo: accepted }, { idTag: 'GONE', idTagInfo: accepted }] as never)];
    const edits = [
      localTag(tag('NEW')),
      localTag(tag('A', { blocked: true })),
      localTag(tag('B', { expiresAt: '2026-02-01T00:00:00.000Z' })),
      createEvent('LocalTagRemoved', { idTag: 'GONE' }, CP, now),
    ];
    const decision = given([...registry, ...edits], history).when({ trigger: 'automatic' });
    expect(decision.changed?.version).toBe(2);
    expect(decision.plan).toEqual({
      version: 2,
      updateType: 'Differential',
      chunks: [
        {
          updateType: 'Differential',
          entries: [
            { idTag: 'A', idTagInfo: { status: 'Blocked' } },
            { idTag: 'B', idTagInfo: { status: 'Expired', expiryDate: '2026-02-01T00:00:00.000Z' } },
            { idTag: 'NEW', idTagInfo: accepted },
            { idTag: 'GONE' },
          ],
        },
      ],
    });
  });

  it('turns an entry Expired when its expiry passed by the time of the trigger: a new version', () => {
    const registry = [adopted('localList'), localTag(tag('A', { expiresAt: '2026-03-01T13:00:00.000Z' }))];
    const first = given(registry).when({ trigger: 'automatic' });
    const history = [given(registry).changedTo(1), sent(1, 'Full', first.plan?.chunks[0].entries as never)];
    expect(given(registry, history).when({ trigger: 'automatic' })).toEqual({ changed: undefined, plan: undefined });
    const later = given(registry, history).when({ trigger: 'automatic' }, new Date('2026-03-01T14:00:00Z'));
    expect(later.plan?.chunks[0].entries).toEqual([{ idTag: 'A', idTagInfo: { status: 'Expired', expiryDate: '2026-03-01T13:00:00.000Z' } }]);
  });

  it('sends nothing when the charge point holds the wanted version; an operator sync sends a differential all the same', () => {
    const registry = [adopted('localList'), localTag(tag('A'))];
    const history = [given(registry).changedTo(1), sent(1, 'Full', [{ idTag: 'A', idTagInfo: accepted }] as never)];
    expect(given(registry, history).when({ trigger: 'automatic' }).plan).toBeUndefined();
    expect(given(registry, history).when({ trigger: 'operator' }).plan).toEqual({ version: 1, updateType: 'Differential', chunks: [{ updateType: 'Differential', entries: [] }] });
    expect(given(registry, history).when({ trigger: 'operator', full: true }).plan?.updateType).toBe('Full');
  });

  it('answers VersionMismatch and Failed with a full sync', () => {
    const registry = [adopted('localList'), localTag(tag('A')), localTag(tag('B'))];
    for (const status of ['VersionMismatch', 'Failed']) {
      const history = [given(registry).changedTo(1), sent(1, 'Full', [{ idTag: 'A', idTagInfo: accepted }] as never), given(registry).changedTo(2), sent(2, 'Differential', [{ idTag: 'B', idTagInfo: accepted }] as never, status)];
      expect(given(registry, history).when({ trigger: 'automatic' }).plan).toMatchObject({ version: 2, updateType: 'Full' });
    }
  });

  it('remembers NotSupported: no automatic sync until the charge point boots after it answered so, or an operator asks', () => {
    const registry = [adopted('localList'), localTag(tag('A'))];
    const history = [given(registry).changedTo(1), sent(1, 'Full', [], 'NotSupported')];
    expect(given(registry, history).when({ trigger: 'automatic' }).plan).toBeUndefined();
    expect(given(registry, history).when({ trigger: 'boot' }, new Date('2026-03-01T11:59:00Z')).plan).toBeUndefined();
    expect(given(registry, history).when({ trigger: 'boot' }, new Date('2026-03-01T12:01:00Z')).plan?.updateType).toBe('Full');
    expect(given(registry, history).when({ trigger: 'operator' }).plan?.updateType).toBe('Full');
  });

  it('sends in chunks of SendLocalListMaxLength: the first Full, the rest Differential, all with the version', () => {
    const registry = [adopted('localList'), ...['A', 'B', 'C', 'D', 'E'].map((id) => localTag(tag(id)))];
    const maxLength = createEvent('LocalListMaxLengthRead', { maxLength: 2 }, CP, now);
    const plan = given(registry, [maxLength]).when({ trigger: 'automatic' }).plan;
    expect(plan?.chunks.map((chunk) => [chunk.updateType, chunk.entries.map((entry) => entry.idTag)])).toEqual([
      ['Full', ['A', 'B']],
      ['Differential', ['C', 'D']],
      ['Differential', ['E']],
    ]);
  });

  it('clears the list with an empty full list, version 0, on an operator request', () => {
    const plan = given([adopted('localList'), localTag(tag('A'))]).when({ trigger: 'operator', empty: true }).plan;
    expect(plan).toEqual({ version: 0, updateType: 'Full', chunks: [{ updateType: 'Full', entries: [] }] });
  });

  it('a start mode change makes a new version, sent in full when the charge point held an empty list', () => {
    const registry = [adopted('auto'), localTag(tag('A'))];
    const history = [given(registry).changedTo(1), sent(1, 'Full', [])];
    const settings = createEvent('ChargePointSettingsChanged', { startMode: 'localList', relaxations: [], autoStartIdTag: null, passwordHash: null, description: null }, CP, now);
    const decision = given([...registry, settings], history).when({ trigger: 'automatic' });
    expect(decision.changed?.version).toBe(2);
    expect(decision.plan).toMatchObject({ version: 2, updateType: 'Full', chunks: [{ entries: [{ idTag: 'A' }] }] });
  });

  it('forgets what the charge point holds when GetLocalListVersion answers another version than acknowledged (0 for an empty list is none other)', () => {
    const registry = [adopted('localList'), localTag(tag('A'))];
    const history: LocalListEvent[] = [given(registry).changedTo(1), sent(1, 'Full', [{ idTag: 'A', idTagInfo: accepted }] as never)];
    const state = foldLocalList([...history, createEvent('LocalListVersionReported', { listVersion: 0 }, CP, now)]);
    expect(state).toMatchObject({ acknowledgedVersion: null, held: null, reportedVersion: 0, notSupported: false });
    expect(foldLocalList([...history, createEvent('LocalListVersionReported', { listVersion: -1 }, CP, now)]).notSupported).toBe(true);
    const empty = [given(registry).changedTo(1), sent(1, 'Full', [])];
    expect(foldLocalList([...empty, createEvent('LocalListVersionReported', { listVersion: 0 }, CP, now)])).toMatchObject({ acknowledgedVersion: 1, reportedVersion: 0 });
  });
});
