import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, type EventOf, type EventType } from '@voltstream/contracts';
import { LocalListSyncRow, openReadModels } from '@voltstream/read-models';
import { tableContents, TestEventLog } from '../test-support/event-log';
import { startProjection } from './projection';
import { rebuildProjection } from './rebuild';

const log = new TestEventLog();
const { config, replayConfig } = log;
let lastSequence = 0;

async function publish<T extends EventType>(chargePoint: string, type: T, data: EventOf<T>['data']): Promise<void> {
  lastSequence = (await log.publisher.publish(createEvent(type, data, chargePoint, new Date()))).seq;
}

const sent = (version: number, updateType: 'Full' | 'Differential', status: string, complete = true) => ({
  version,
  updateType,
  entries: [{ idTag: 'A', idTagInfo: { status: 'Accepted' as const } }],
  complete,
  status,
});

beforeAll(() => log.open('local-list-replay-spec'));
afterAll(() => log.close());

describe('local_list_sync read model on real NATS and Postgres', () => {
  it('is projected from the local list events, and a rebuild gives the same rows', async () => {
    await publish('CP-SYNCED', 'LocalListChanged', { version: 1, digest: 'd1', size: 1 });
    await publish('CP-SYNCED', 'LocalListMaxLengthRead', { maxLength: 2 });
    await publish('CP-SYNCED', 'LocalListSent', sent(1, 'Full', 'Accepted', false));
    await publish('CP-SYNCED', 'LocalListSent', sent(1, 'Differential', 'Accepted'));
    await publish('CP-SYNCED', 'LocalListVersionReported', { listVersion: 1 });
    await publish('CP-MISMATCH', 'LocalListChanged', { version: 4, digest: 'd4', size: 1 });
    await publish('CP-MISMATCH', 'LocalListSent', sent(4, 'Differential', 'VersionMismatch'));
    await publish('CP-NONE', 'LocalListChanged', { version: 1, digest: 'd1', size: 1 });
    await publish('CP-NONE', 'LocalListSent', sent(1, 'Full', 'NotSupported'));

    const projection = await startProjection(config);
    await projection.reached(lastSequence);
    await projection.close();
    const rows = await log.db.getRepository(LocalListSyncRow).find({ order: { chargePointIdentity: 'ASC' } });
    expect(rows).toMatchObject([
      { chargePointIdentity: 'CP-MISMATCH', wantedVersion: 4, acknowledgedVersion: null, lastStatus: 'VersionMismatch', state: 'pending' },
      { chargePointIdentity: 'CP-NONE', notSupported: true, state: 'notSupported' },
      { chargePointIdentity: 'CP-SYNCED', wantedVersion: 1, acknowledgedVersion: 1, reportedVersion: 1, maxLength: 2, lastUpdateType: 'Differential', state: 'inSync' },
    ]);

    await rebuildProjection(replayConfig);
    const replay = await openReadModels(replayConfig.databaseUrl);
    try {
      expect((await tableContents(replay)).local_list_sync).toEqual((await tableContents(log.db)).local_list_sync);
      expect(await tableContents(replay)).toEqual(await tableContents(log.db));
    } finally {
      await replay.destroy();
    }
  });
});
