import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryPoint, repoRoot } from '@voltstream/launcher';
import { openReadModels, ProjectionCheckpointRow, STATE_PROJECTION, TransactionRow } from '@voltstream/read-models';
import { tableContents, TestEventLog } from '../test-support/event-log';
import { Traffic } from '../test-support/traffic';
import { rebuildProjection } from './rebuild';

const log = new TestEventLog();
const KILLS = 4;

/** The built service (`npm run build`), as it runs in production. */
function startService(): ChildProcess {
  return spawn(process.execPath, [join(repoRoot(), entryPoint('state-projection'))], { env: { ...process.env, ...log.env }, stdio: 'ignore' });
}

async function kill(service: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const exited = once(service, 'exit');
  service.kill(signal);
  await exited;
}

const checkpoint = async () => (await log.db.getRepository(ProjectionCheckpointRow).findOneBy({ projection: STATE_PROJECTION }))?.sequence ?? 0;

beforeAll(() => log.open('state-projection-process-kill-spec'));
afterAll(() => log.close());

describe('state projection process killed with SIGKILL under load', () => {
  it('loses nothing: after every kill and restart the read models equal a replay and every transaction is billed once', async () => {
    const traffic = new Traffic('P', 1);
    for (let round = 0; round < KILLS; round++) {
      const service = startService();
      const from = await checkpoint();
      const load = Array.from({ length: 30 }, () => log.publishAll(traffic.burst()));
      // Killed as soon as it has committed something of this load: mid-flight, with more handed to it.
      await expect.poll(checkpoint, { timeout: 20_000, interval: 5 }).toBeGreaterThan(from);
      await kill(service, 'SIGKILL');
      await Promise.all(load);
    }
    await log.publishAll(traffic.finish());
    const service = startService();
    await expect.poll(checkpoint, { timeout: 20_000, interval: 50 }).toBe(log.lastSequence);
    await expect.poll(async () => (await log.billedCounts()).size, { timeout: 10_000 }).toBe(traffic.started.length);
    await kill(service, 'SIGTERM');

    const live = await tableContents(log.db);
    await rebuildProjection(log.replayConfig);
    const replay = await openReadModels(log.replayConfig.databaseUrl);
    try {
      expect(live).toEqual(await tableContents(replay));
    } finally {
      await replay.destroy();
    }
    const transactions = await log.db.getRepository(TransactionRow).find({ order: { transactionId: 'ASC' } });
    expect(transactions.map((row) => [row.transactionId, row.known, row.stoppedAt !== null])).toEqual(traffic.started.map((id) => [id, true, true]));
    const billed = await log.billedCounts();
    expect(traffic.started.map((id) => billed.get(id))).toEqual(traffic.started.map(() => 1));
  });
});
