import { describe, expect, it } from 'vitest';
import { createEvent, type StartMode, type TagEntry, type VoltstreamEvent } from '@voltstream/contracts';
import { RegistryView } from '../registry';
import { decideTag, type TagDecision } from './tags';
import { tagEntry as tag } from '@voltstream/testing';

const CP = 'CP-1';
const now = new Date('2026-03-01T12:00:00Z');
const at = new Date('2026-01-01T00:00:00Z');

const owner = (entry: TagEntry) => ({ firstName: entry.firstName, lastName: entry.lastName, email: entry.email });
const adopted = (startMode: StartMode) =>
  createEvent('ChargePointAdopted', { startMode, relaxations: [], autoStartIdTag: null, passwordHash: null, description: null }, CP, at);
const localTag = (entry: TagEntry) => createEvent('LocalTagSaved', { tag: entry }, CP, at);
const centralTag = (entry: TagEntry) => createEvent('TagSaved', { tag: entry }, null, at);

/** given(events).whenPresented(idTag) → the decision, folded exactly as the service folds the log. */
function given(...events: VoltstreamEvent[]) {
  const view = new RegistryView();
  events.forEach((event) => view.apply(event));
  return { whenPresented: (idTag: string): TagDecision => decideTag(idTag, view.registration(CP), view.centralTag(idTag), now) };
}

const accepted = { idTagInfo: { status: 'Accepted' }, tagOwner: null };
const invalid = { idTagInfo: { status: 'Invalid' }, tagOwner: null };

describe('decideTag (SPEC §4)', () => {
  describe('a discovered charge point', () => {
    it('answers Invalid to every tag, even one on the central list', () => {
      expect(given(centralTag(tag('AA'))).whenPresented('AA')).toEqual(invalid);
    });
    it('answers Invalid again once it is forgotten', () => {
      expect(given(adopted('anyTag'), createEvent('ChargePointForgotten', {}, CP, at)).whenPresented('AA')).toEqual(invalid);
    });
  });

  describe.each(['auto', 'anyTag'] as const)('start mode %s', (mode) => {
    it('accepts an unlisted tag, without an owner', () => {
      expect(given(adopted(mode)).whenPresented('ANY')).toEqual(accepted);
    });
    it('accepts a listed tag with its owner', () => {
      const entry = tag('AA');
      expect(given(adopted(mode), centralTag(entry)).whenPresented('AA')).toEqual({ idTagInfo: { status: 'Accepted' }, tagOwner: owner(entry) });
    });
    it('answers Blocked for a listed blocked tag', () => {
      expect(given(adopted(mode), localTag(tag('AA', { blocked: true }))).whenPresented('AA').idTagInfo.status).toBe('Blocked');
    });
    it('answers Expired for a listed tag past its expiry', () => {
      const decision = given(adopted(mode), centralTag(tag('AA', { expiresAt: '2026-02-01T00:00:00.000Z' }))).whenPresented('AA');
      expect(decision.idTagInfo).toEqual({ status: 'Expired', expiryDate: '2026-02-01T00:00:00.000Z' });
    });
  });

  const listModes = [
    { mode: 'centralList', listedIn: centralTag, otherList: localTag },
    { mode: 'localList', listedIn: localTag, otherList: centralTag },
  ] as const;
  describe.each(listModes)('start mode $mode', ({ mode, listedIn, otherList }) => {
    it('accepts a listed tag with its owner', () => {
      const entry = tag('AA');
      expect(given(adopted(mode), listedIn(entry)).whenPresented('AA')).toEqual({ idTagInfo: { status: 'Accepted' }, tagOwner: owner(entry) });
    });
    it('answers Invalid for an unlisted tag', () => {
      expect(given(adopted(mode), listedIn(tag('AA'))).whenPresented('BB')).toEqual(invalid);
    });
    it('answers Invalid for a tag listed only on the list the mode does not use', () => {
      expect(given(adopted(mode), otherList(tag('AA'))).whenPresented('AA')).toEqual(invalid);
    });
    it('answers Blocked for a blocked tag, with its owner', () => {
      const entry = tag('AA', { blocked: true });
      expect(given(adopted(mode), listedIn(entry)).whenPresented('AA')).toEqual({ idTagInfo: { status: 'Blocked' }, tagOwner: owner(entry) });
    });
    it('answers Expired with the expiry date for a tag past expiresAt', () => {
      const decision = given(adopted(mode), listedIn(tag('AA', { expiresAt: '2026-03-01T11:59:59.000Z' }))).whenPresented('AA');
      expect(decision.idTagInfo).toEqual({ status: 'Expired', expiryDate: '2026-03-01T11:59:59.000Z' });
    });
    it('sends the expiry date of a valid tag that has one', () => {
      const decision = given(adopted(mode), listedIn(tag('AA', { expiresAt: '2027-01-01T00:00:00.000Z' }))).whenPresented('AA');
      expect(decision.idTagInfo).toEqual({ status: 'Accepted', expiryDate: '2027-01-01T00:00:00.000Z' });
    });
    it('returns the parent id tag where one is set', () => {
      const decision = given(adopted(mode), listedIn(tag('AA', { parentIdTag: 'FLEET-7' }))).whenPresented('AA');
      expect(decision.idTagInfo).toEqual({ status: 'Accepted', parentIdTag: 'FLEET-7' });
    });
    it('answers Invalid for a tag that was removed', () => {
      const removed =
        listedIn === localTag ? createEvent('LocalTagRemoved', { idTag: 'AA' }, CP, at) : createEvent('TagRemoved', { idTag: 'AA' }, null, at);
      expect(given(adopted(mode), listedIn(tag('AA')), removed).whenPresented('AA')).toEqual(invalid);
    });
  });

  describe('start mode bothLists', () => {
    it('accepts a tag of the local list', () => {
      expect(given(adopted('bothLists'), localTag(tag('AA'))).whenPresented('AA').idTagInfo.status).toBe('Accepted');
    });
    it('accepts a tag of the central list', () => {
      expect(given(adopted('bothLists'), centralTag(tag('AA'))).whenPresented('AA').idTagInfo.status).toBe('Accepted');
    });
    it('answers Invalid for a tag on neither list', () => {
      expect(given(adopted('bothLists'), localTag(tag('AA')), centralTag(tag('BB'))).whenPresented('CC')).toEqual(invalid);
    });
    it('takes the local entry over the central one: its owner, its blocked flag, its parent', () => {
      const local = tag('AA', { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com', blocked: true, parentIdTag: 'HOME' });
      const central = tag('AA', { parentIdTag: 'FLEET' });
      expect(given(adopted('bothLists'), centralTag(central), localTag(local)).whenPresented('AA')).toEqual({
        idTagInfo: { status: 'Blocked', parentIdTag: 'HOME' },
        tagOwner: owner(local),
      });
    });
    it('answers Expired for an expired central tag', () => {
      const decision = given(adopted('bothLists'), centralTag(tag('AA', { expiresAt: '2025-01-01T00:00:00.000Z' }))).whenPresented('AA');
      expect(decision.idTagInfo).toEqual({ status: 'Expired', expiryDate: '2025-01-01T00:00:00.000Z' });
    });
  });

  it('answers Blocked rather than Expired for a tag that is both', () => {
    const entry = tag('AA', { blocked: true, expiresAt: '2025-01-01T00:00:00.000Z' });
    expect(given(adopted('centralList'), centralTag(entry)).whenPresented('AA').idTagInfo).toEqual({
      status: 'Blocked',
      expiryDate: '2025-01-01T00:00:00.000Z',
    });
  });

  it('follows a change of start mode', () => {
    const changed = createEvent(
      'ChargePointSettingsChanged',
      { startMode: 'anyTag', relaxations: [], autoStartIdTag: null, passwordHash: null, description: null },
      CP,
      at,
    );
    expect(given(adopted('localList')).whenPresented('AA')).toEqual(invalid);
    expect(given(adopted('localList'), changed).whenPresented('AA')).toEqual(accepted);
  });
});
