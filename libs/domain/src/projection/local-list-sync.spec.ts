import { describe, expect, it } from 'vitest';
import { createEvent, type LocalListEvent } from '@voltstream/contracts';
import { ProjectionBatch } from './batch';

const CP = 'CP-1';
const at = new Date('2026-03-01T10:00:00.000Z');
const changed = (version: number) => createEvent('LocalListChanged', { version, digest: `d${version}`, size: 1 }, CP, at);
const sent = (version: number, status: string, complete = true) =>
  createEvent('LocalListSent', { version, updateType: 'Differential', entries: [{ idTag: 'A' }], complete, status }, CP, at);

function rowAfter(...events: LocalListEvent[]) {
  const batch = new ProjectionBatch();
  events.forEach((event, index) => batch.apply(event, index + 1));
  return batch.writes().localListSyncs;
}

describe('local_list_sync read model: given local list events, then the row', () => {
  it('shows the version wanted and pending until the charge point accepts every chunk', () => {
    expect(rowAfter(changed(1), sent(1, 'Accepted', false))).toEqual([
      {
        chargePointIdentity: CP,
        wantedVersion: 1,
        acknowledgedVersion: null,
        reportedVersion: null,
        notSupported: false,
        maxLength: null,
        lastStatus: 'Accepted',
        lastUpdateType: 'Differential',
        lastSentAt: at,
        state: 'pending',
        held: [],
      },
    ]);
    expect(rowAfter(changed(1), sent(1, 'Accepted', false), sent(1, 'Accepted'))).toMatchObject([{ acknowledgedVersion: 1, state: 'inSync' }]);
  });

  it('forgets the acknowledged version on VersionMismatch, and remembers NotSupported and the max length', () => {
    expect(rowAfter(changed(1), sent(1, 'Accepted'), changed(2), sent(2, 'VersionMismatch'))).toMatchObject([{ wantedVersion: 2, acknowledgedVersion: null, state: 'pending' }]);
    const maxLength = createEvent('LocalListMaxLengthRead', { maxLength: 5 }, CP, at);
    expect(rowAfter(maxLength, changed(1), sent(1, 'NotSupported'))).toMatchObject([{ maxLength: 5, notSupported: true, state: 'notSupported' }]);
    const reported = createEvent('LocalListVersionReported', { listVersion: 1 }, CP, at);
    expect(rowAfter(changed(1), sent(1, 'Accepted'), reported)).toMatchObject([{ reportedVersion: 1, acknowledgedVersion: 1, state: 'inSync' }]);
  });

  it('keeps what the charge point holds, as the syncer folds it: a version 0 reported over a list held means it was lost', () => {
    const full = createEvent('LocalListSent', { version: 1, updateType: 'Full', entries: [{ idTag: 'B', idTagInfo: { status: 'Accepted' } }], complete: true, status: 'Accepted' }, CP, at);
    expect(rowAfter(changed(1), full)).toMatchObject([{ held: [{ idTag: 'B', idTagInfo: { status: 'Accepted' } }], state: 'inSync' }]);
    const lost = createEvent('LocalListVersionReported', { listVersion: 0 }, CP, at);
    expect(rowAfter(changed(1), full, lost)).toMatchObject([{ held: null, acknowledgedVersion: null, state: 'pending' }]);
  });
});
