import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartMode } from '@voltstream/contracts';
import { entryPoint } from '@voltstream/launcher';
import type { ChargePointOptions, CsmsCall, SimulatedChargePoint } from '@voltstream/simulator';
import { startSystem, type System } from './support/system';
import { adopt, chargePoint, eventually, simulatedWallbox } from './support/wallboxes';

interface LocalListView {
  wantedVersion: number;
  acknowledgedVersion: number | null;
  reportedVersion: number | null;
  state: string;
  notSupported: boolean;
  maxLength: number | null;
  lastStatus: string | null;
  lastUpdateType: string | null;
}

interface SentList {
  listVersion: number;
  updateType: string;
  localAuthorizationList?: { idTag: string; idTagInfo?: { status: string; expiryDate?: string } }[];
}

const EXPIRED = '2026-01-01T00:00:00.000Z';
const accepted = (idTag: string) => ({ idTag, idTagInfo: { status: 'Accepted' } });

describe('Local Auth List Management, synced by itself (end to end, SPEC §9)', () => {
  let system: System;
  const wallboxes: SimulatedChargePoint[] = [];
  const path = (identity: string, rest = '') => `/api/charge-points/${identity}${rest}`;
  const localList = async (identity: string) => (await system.api<LocalListView>(path(identity, '/local-list'))).body;
  const putLocalTag = async (identity: string, idTag: string, fields: object = {}) =>
    expect((await system.api(path(identity, `/local-tags/${idTag}`), { method: 'PUT', body: fields })).status).toBeLessThan(300);
  const post = <T>(identity: string, action: 'sync' | 'version', body: object = {}) => system.api<T>(path(identity, `/local-list/${action}`), { method: 'POST', body });

  /** A wallbox adopted in `startMode` with `localTags`, connected and booted; `sent` collects the SendLocalList calls it answered. */
  async function wallboxWith(identity: string, startMode: StartMode, localTags: string[], options: Partial<ChargePointOptions> = {}) {
    await adopt(system, identity, { startMode });
    for (const idTag of localTags) await putLocalTag(identity, idTag);
    return connect(identity, options);
  }

  async function connect(identity: string, options: Partial<ChargePointOptions> = {}) {
    const wallbox = simulatedWallbox(system, identity, options);
    wallboxes.push(wallbox);
    const sent: SentList[] = [];
    wallbox.on('call', (call: CsmsCall) => {
      if (call.action === 'SendLocalList') sent.push(call.payload as unknown as SentList);
    });
    await wallbox.connect();
    await wallbox.bootAndReport();
    return { wallbox, sent };
  }

  const inSync = (identity: string) =>
    eventually(async () => {
      const view = await localList(identity);
      expect(view).toMatchObject({ state: 'inSync', acknowledgedVersion: view.wantedVersion });
      return view;
    });

  beforeAll(async () => {
    system = await startSystem({ OCPP_CALL_TIMEOUT: '3' });
  });
  afterAll(async () => {
    for (const wallbox of wallboxes) await wallbox.close();
    await system?.stop();
  });

  it('the local list follows tag edits (added, blocked, expired, removed: differential syncs) and a start mode change (full)', async () => {
    const { wallbox, sent } = await wallboxWith('LL-FOLLOW', 'localList', ['A']);
    await eventually(async () => expect(sent).toEqual([{ listVersion: (await localList('LL-FOLLOW')).wantedVersion, updateType: 'Full', localAuthorizationList: [accepted('A')] }]));
    await inSync('LL-FOLLOW');

    const edits: [() => Promise<unknown>, SentList['localAuthorizationList']][] = [
      [() => putLocalTag('LL-FOLLOW', 'B'), [accepted('B')]],
      [() => putLocalTag('LL-FOLLOW', 'A', { blocked: true }), [{ idTag: 'A', idTagInfo: { status: 'Blocked' } }]],
      [() => putLocalTag('LL-FOLLOW', 'B', { expiresAt: EXPIRED }), [{ idTag: 'B', idTagInfo: { status: 'Expired', expiryDate: EXPIRED } }]],
      [() => system.api(path('LL-FOLLOW', '/local-tags/A'), { method: 'DELETE' }), [{ idTag: 'A' }]],
    ];
    for (const [edit, entries] of edits) {
      const before = sent.length;
      await edit();
      await eventually(async () => expect(sent.slice(before)).toEqual([{ listVersion: (await localList('LL-FOLLOW')).wantedVersion, updateType: 'Differential', localAuthorizationList: entries }]));
    }
    expect(wallbox.localList.size).toBe(1);
    expect(wallbox.localList.authorize('B', new Date())).toBe('Expired');
    expect(await inSync('LL-FOLLOW')).toMatchObject({ lastUpdateType: 'Differential', lastStatus: 'Accepted', maxLength: 100 });

    expect((await system.api('/api/tags/CENTRAL-1', { method: 'PUT', body: {} })).status).toBe(201);
    const before = sent.length;
    await system.api(path('LL-FOLLOW'), { method: 'PUT', body: { startMode: 'centralList' } });
    await eventually(async () => expect(sent.slice(before)).toEqual([{ listVersion: (await localList('LL-FOLLOW')).wantedVersion, updateType: 'Full', localAuthorizationList: [accepted('CENTRAL-1')] }]));
    await inSync('LL-FOLLOW');
    expect(wallbox.localList.authorize('CENTRAL-1', new Date())).toBe('Accepted');
    expect(wallbox.localList.entry('B')).toBeUndefined();
  });

  it('a wallbox that lost its list answers the next differential VersionMismatch, and gets the full list', async () => {
    const first = await wallboxWith('LL-MISMATCH', 'localList', ['A']);
    await inSync('LL-MISMATCH');
    await first.wallbox.close();
    await eventually(async () => expect((await chargePoint(system, 'LL-MISMATCH')).online).toBe(false));

    const { wallbox, sent } = await connect('LL-MISMATCH');
    expect(wallbox.localList.listVersion).toBe(0);
    await putLocalTag('LL-MISMATCH', 'B');
    await eventually(async () => expect(sent.map((list) => list.updateType)).toEqual(['Differential', 'Full']));
    expect(sent[1].localAuthorizationList).toEqual([accepted('A'), accepted('B')]);
    expect(await inSync('LL-MISMATCH')).toMatchObject({ lastStatus: 'Accepted', lastUpdateType: 'Full' });
    expect(wallbox.localList.size).toBe(2);
  });

  it('sends in chunks of the SendLocalListMaxLength the wallbox reports', async () => {
    const { wallbox, sent } = await wallboxWith('LL-CHUNKS', 'localList', ['T1', 'T2', 'T3', 'T4', 'T5'], { localListMaxLength: 2 });
    const view = await inSync('LL-CHUNKS');
    expect(sent.map((list) => [list.listVersion, list.updateType, list.localAuthorizationList?.map((entry) => entry.idTag)])).toEqual([
      [view.wantedVersion, 'Full', ['T1', 'T2']],
      [view.wantedVersion, 'Differential', ['T3', 'T4']],
      [view.wantedVersion, 'Differential', ['T5']],
    ]);
    expect(view.maxLength).toBe(2);
    expect(wallbox.localList.size).toBe(5);
  });

  it('TC_042_1 GetLocalListVersion NotSupported and TC_043_1 SendLocalList NotSupported: relayed, remembered until asked again', async () => {
    const { sent } = await wallboxWith('LL-UNSUPPORTED', 'localList', ['A'], { localList: 'unsupported' });
    await eventually(async () => expect(await localList('LL-UNSUPPORTED')).toMatchObject({ state: 'notSupported', lastStatus: 'NotSupported' }));
    expect(await post('LL-UNSUPPORTED', 'version')).toEqual({ status: 200, body: { listVersion: -1 } });
    await eventually(async () => expect(await localList('LL-UNSUPPORTED')).toMatchObject({ reportedVersion: -1, notSupported: true }));

    const wanted = (await localList('LL-UNSUPPORTED')).wantedVersion;
    await putLocalTag('LL-UNSUPPORTED', 'B');
    await eventually(async () => expect((await localList('LL-UNSUPPORTED')).wantedVersion).toBe(wanted + 1));
    const asked = await post<{ status: string }>('LL-UNSUPPORTED', 'sync');
    expect(asked).toMatchObject({ status: 200, body: { status: 'NotSupported', updateType: 'Full' } });
    // The tag edit sent nothing: only the sync at connection and the operator's.
    expect(sent).toHaveLength(2);
  });

  it('TC_043_3 SendLocalList Failed is relayed, and the next sync is full', async () => {
    await wallboxWith('LL-FAILING', 'localList', ['A'], { localList: 'failing' });
    expect(await post('LL-FAILING', 'sync')).toMatchObject({ status: 200, body: { status: 'Failed', updateType: 'Full' } });
    await eventually(async () => expect(await localList('LL-FAILING')).toMatchObject({ lastStatus: 'Failed', acknowledgedVersion: null, state: 'pending' }));
  });

  it('TC_042_2 GetLocalListVersion of an empty list, TC_043_4 Full, TC_043_5 Differential, and clearing with an empty full list', async () => {
    const { wallbox, sent } = await wallboxWith('LL-OPERATOR', 'anyTag', []);
    const empty = await inSync('LL-OPERATOR');
    expect(await post('LL-OPERATOR', 'version')).toEqual({ status: 200, body: { listVersion: 0 } });

    await putLocalTag('LL-OPERATOR', 'A');
    await system.api(path('LL-OPERATOR'), { method: 'PUT', body: { startMode: 'localList' } });
    const { wantedVersion } = await eventually(async () => {
      const view = await inSync('LL-OPERATOR');
      expect(view.wantedVersion).toBeGreaterThan(empty.wantedVersion);
      return view;
    });
    expect(await post('LL-OPERATOR', 'sync', { full: true })).toEqual({ status: 200, body: { status: 'Accepted', version: wantedVersion, updateType: 'Full', chunks: 1 } });
    expect(sent.at(-1)).toEqual({ listVersion: wantedVersion, updateType: 'Full', localAuthorizationList: [accepted('A')] });
    expect(await post('LL-OPERATOR', 'sync')).toEqual({ status: 200, body: { status: 'Accepted', version: wantedVersion, updateType: 'Differential', chunks: 1 } });
    expect(sent.at(-1)).toEqual({ listVersion: wantedVersion, updateType: 'Differential', localAuthorizationList: [] });
    expect(await post('LL-OPERATOR', 'version')).toEqual({ status: 200, body: { listVersion: wantedVersion } });

    expect(await post('LL-OPERATOR', 'sync', { empty: true })).toMatchObject({ status: 200, body: { status: 'Accepted', version: 0, updateType: 'Full' } });
    expect(wallbox.localList.size).toBe(0);
    expect(await post('LL-OPERATOR', 'version')).toEqual({ status: 200, body: { listVersion: 0 } });
    await eventually(async () => expect(await localList('LL-OPERATOR')).toMatchObject({ acknowledgedVersion: 0, reportedVersion: 0, state: 'pending' }));
  });

  it('the wallbox authorizes from its list while the central system is unreachable (listed Accepted starts, Blocked and unlisted do not), and the transaction is delivered once back', async () => {
    const { wallbox } = await wallboxWith('LL-OFFLINE-AUTH', 'localList', ['A', 'GONE']);
    await putLocalTag('LL-OFFLINE-AUTH', 'GONE', { blocked: true });
    await eventually(async () => expect(wallbox.localList.entry('GONE')).toEqual({ status: 'Blocked' }));
    await wallbox.close();

    expect(wallbox.authorizeLocally('GONE')).toBe('Blocked');
    expect(wallbox.authorizeLocally('STRANGER')).toBe('Invalid');
    expect(wallbox.authorizeLocally('A')).toBe('Accepted');
    const started = wallbox.beginTransaction(1, 'A');

    await wallbox.connect();
    await wallbox.bootAndReport();
    expect((await started).idTagInfo.status).toBe('Accepted');
    await wallbox.finishTransaction(1);
    expect(wallbox.queuedWhileOffline).toBe(0);
    await eventually(async () => {
      const { body } = await system.api<{ items: { idTag: string; meterEnd: number | null }[] }>('/api/transactions?chargePoint=LL-OFFLINE-AUTH');
      expect(body.items).toMatchObject([{ idTag: 'A', authorizationStatus: 'Accepted', stopReason: 'Local', stoppedAt: expect.any(String) }]);
    });
  });

  it('GraphQL: the localList query and the syncLocalList and getLocalListVersion mutations', async () => {
    await wallboxWith('LL-GRAPHQL', 'localList', ['A']);
    await inSync('LL-GRAPHQL');
    const graphql = async (query: string) => (await system.api<{ data?: Record<string, unknown>; errors?: unknown[] }>('/graphql', { method: 'POST', body: { query } })).body;
    expect(await graphql('mutation { syncLocalList(identity: "LL-GRAPHQL", full: true) { status updateType chunks } }')).toEqual({
      data: { syncLocalList: { status: 'Accepted', updateType: 'Full', chunks: 1 } },
    });
    const { wantedVersion } = await localList('LL-GRAPHQL');
    expect(await graphql('mutation { getLocalListVersion(identity: "LL-GRAPHQL") { listVersion } }')).toEqual({ data: { getLocalListVersion: { listVersion: wantedVersion } } });
    await eventually(async () =>
      expect(await graphql('{ localList(identity: "LL-GRAPHQL") { wantedVersion acknowledgedVersion reportedVersion state heldEntries lastUpdateType } }')).toEqual({
        data: { localList: { wantedVersion, acknowledgedVersion: wantedVersion, reportedVersion: wantedVersion, state: 'inSync', heldEntries: 1, lastUpdateType: 'Full' } },
      }),
    );
  });

  it('refuses bad bodies naming the field, unknown charge points, and offline ones', async () => {
    await adopt(system, 'LL-OFFLINE', { startMode: 'localList' });
    const bad = await system.api<{ message: string[] }>(path('LL-OFFLINE', '/local-list/sync'), { method: 'POST', body: { full: 'yes' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.message)).toContain('full');
    expect((await post('NO-SUCH-CP', 'sync')).status).toBe(404);
    expect((await system.api(path('NO-SUCH-CP', '/local-list'))).status).toBe(404);
    expect((await post('LL-OFFLINE', 'sync')).status).toBe(409);
    expect((await post('LL-OFFLINE', 'version')).status).toBe(409);
  });

  it('two authorization replicas: each change is synced once', async () => {
    const replica = await startAuthorizationReplica(system.env);
    try {
      const { sent } = await wallboxWith('LL-REPLICAS', 'localList', ['A']);
      await inSync('LL-REPLICAS');
      for (const idTag of ['B', 'C', 'D']) {
        await putLocalTag('LL-REPLICAS', idTag);
        const { wantedVersion } = await eventually(async () => {
          const view = await inSync('LL-REPLICAS');
          expect(sent.at(-1)?.localAuthorizationList).toEqual([accepted(idTag)]);
          return view;
        });
        expect(sent.filter((list) => list.listVersion === wantedVersion)).toHaveLength(1);
      }
    } finally {
      await stop(replica);
    }
  });
});

/** A second authorization service on the same namespace, from the build; resolves once it is ready. */
async function startAuthorizationReplica(env: Record<string, string>): Promise<ChildProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [entryPoint('authorization')], { env: { ...process.env, ...env, HEALTH_PORT: String(port) }, stdio: 'ignore' });
  await eventually(async () => expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200));
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

