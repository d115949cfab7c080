import { describe, expect, it } from 'vitest';
import { LocalAuthList } from './local-list';

const accepted = { status: 'Accepted' };
const full = (listVersion: number, idTags: string[]) => ({ listVersion, updateType: 'Full', localAuthorizationList: idTags.map((idTag) => ({ idTag, idTagInfo: accepted })) });

describe('the simulated wallbox local list (OCPP 1.6 §5.11, §5.15)', () => {
  it('takes a Full list, reports its version (0 while empty), and applies differentials: added, changed, removed', () => {
    const list = new LocalAuthList('supported', 10);
    expect(list.listVersion).toBe(0);
    expect(list.update(full(3, ['A', 'B']))).toBe('Accepted');
    expect(list.listVersion).toBe(3);
    const differential = { listVersion: 4, updateType: 'Differential', localAuthorizationList: [{ idTag: 'A' }, { idTag: 'B', idTagInfo: { status: 'Blocked' } }, { idTag: 'C', idTagInfo: accepted }] };
    expect(list.update(differential)).toBe('Accepted');
    expect([list.entry('A'), list.entry('B'), list.entry('C'), list.listVersion]).toEqual([undefined, { status: 'Blocked' }, accepted, 4]);
  });

  it('answers VersionMismatch to a differential with no list held or older than its version; Failed beyond its max length', () => {
    const list = new LocalAuthList('supported', 2);
    expect(list.update({ listVersion: 1, updateType: 'Differential', localAuthorizationList: [] })).toBe('VersionMismatch');
    list.update(full(5, ['A']));
    expect(list.update({ listVersion: 4, updateType: 'Differential', localAuthorizationList: [] })).toBe('VersionMismatch');
    expect(list.update(full(6, ['A', 'B', 'C']))).toBe('Failed');
  });

  it('plays a wallbox that fails or does not support lists', () => {
    expect(new LocalAuthList('failing', 10).update(full(1, ['A']))).toBe('Failed');
    const unsupported = new LocalAuthList('unsupported', 10);
    expect([unsupported.update(full(1, ['A'])), unsupported.listVersion]).toEqual(['NotSupported', -1]);
  });

  it('authorizes offline from its entries: Accepted, Blocked as listed, Expired past the expiryDate, unlisted unknown', () => {
    const list = new LocalAuthList('supported', 10);
    list.update({
      listVersion: 1,
      updateType: 'Full',
      localAuthorizationList: [
        { idTag: 'OK', idTagInfo: accepted },
        { idTag: 'BLOCKED', idTagInfo: { status: 'Blocked' } },
        { idTag: 'OLD', idTagInfo: { status: 'Accepted', expiryDate: '2026-01-01T00:00:00Z' } },
      ],
    });
    const now = new Date('2026-03-01T00:00:00Z');
    expect(['OK', 'BLOCKED', 'OLD', 'NONE'].map((idTag) => list.authorize(idTag, now))).toEqual(['Accepted', 'Blocked', 'Expired', undefined]);
  });
});
