import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as delay } from 'node:timers/promises';
import { nanos } from 'nats';
import { In } from 'typeorm';
import { BillingOutboxRow, openReadModels, TransactionRow } from '@voltstream/read-models';
import { tableContents, TestEventLog } from '../test-support/event-log';
import { Traffic } from '../test-support/traffic';
import type { Checkpoint } from './checkpoint';
import { openConnections, runProjection, startProjection, type RunningProjection } from './projection';
import type { ProjectionStep } from './projection-worker';
import { rebuildProjection } from './rebuild';

const log = new TestEventLog();
const { config, replayConfig, subjects } = log;
/** Where a projection is killed, told from the step and the checkpoint it just reached. */
type KillPoint = (step: ProjectionStep, checkpoint: Checkpoint, previous: Checkpoint | undefined) => boolean;

const KILL_POINTS: Record<string, KillPoint> = {
  'after the fetch': (step) => step === 'taken',
  'after the first of two statements': (step, checkpoint) => step === 'written' && checkpoint.appliedAbove.length > 0,
  'after the second of two statements': (step, checkpoint, previous) => step === 'written' && checkpoint.appliedAbove.length === 0 && (previous?.appliedAbove.length ?? 0) > 0,
  'before the ack of a batch of one statement': (step, checkpoint, previous) => step === 'written' && (previous?.appliedAbove.length ?? 0) === 0,
  'after the ack': (step) => step === 'acknowledged',
};

/**
 * Runs the projection until it reaches the kill point, then abandons it there as kill -9 would:
 * its connections close under it, nothing it holds is acknowledged, its worker never goes on.
 */
async function killAt(killPoint: KillPoint, traffic: Traffic): Promise<void> {
  const connections = await openConnections(config);
  let reached!: () => void;
  const killed = new Promise<void>((resolve) => (reached = resolve));
  let previous: Checkpoint | undefined;
  await runProjection(connections, {
    onStep: (step, checkpoint) => {
      const kill = killPoint(step, checkpoint, previous);
      if (step === 'written') previous = checkpoint;
      if (!kill) return Promise.resolve();
      reached();
      return new Promise<void>(() => undefined);
    },
  });
  for (let bursts = 0; ; bursts++) {
    if (bursts === 50) throw new Error('The kill point was never reached');
    await log.publishAll(traffic.burst());
    if (await Promise.race([killed.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 100))])) break;
  }
  await connections.nc.close();
  await connections.dataSource.destroy();
}

beforeAll(() => log.open('state-projection-crash-spec'));
afterAll(() => log.close());

describe('state projection killed mid-batch, on real NATS and Postgres', () => {
  it('resumes right after its checkpoint, not after what the dead process was handed', async () => {
    const traffic = new Traffic('R', 1);
    await killAt(KILL_POINTS['after the fetch'], traffic);
    const { started } = traffic;
    await log.publishAll(traffic.finish());
    const projection = await startProjection(config);
    await projection.reached(log.lastSequence);
    await projection.close();
    const projected = await log.db.getRepository(TransactionRow).find({ order: { transactionId: 'ASC' } });
    expect(projected.map((transaction) => [transaction.transactionId, transaction.known, transaction.stoppedAt !== null])).toEqual(
      started.map((transactionId) => [transactionId, true, true]),
    );
  });

  it('equals a replay of the log and bills every transaction exactly once, whatever step it was killed at', async () => {
    const traffic = new Traffic('K', 1000, true);
    for (const killPoint of Object.values(KILL_POINTS)) {
      await killAt(killPoint, traffic);
      await log.publishAll(traffic.burst());
    }
    await log.publishAll(traffic.finish());
    let projection: RunningProjection = await startProjection(config);
    await projection.reached(log.lastSequence);
    await projection.close();
    const live = await tableContents(log.db);
    await rebuildProjection(replayConfig);
    const replay = await openReadModels(replayConfig.databaseUrl);
    try {
      expect(live).toEqual(await tableContents(replay));
    } finally {
      await replay.destroy();
    }
    const stopped = (await log.db.getRepository(TransactionRow).findBy({ known: true })).filter((row) => row.stoppedAt !== null).map((row) => row.transactionId);
    expect(stopped.length).toBeGreaterThan(5 * 3);
    projection = await startProjection(config);
    await expect.poll(async () => [...(await log.billedCounts()).entries()].sort(([a], [b]) => a - b), { timeout: 10_000 }).toEqual(
      stopped.sort((a, b) => a - b).map((transactionId) => [transactionId, 1]),
    );
    await projection.close();
  });

  it('bills exactly once when it died between a publish and marking it published, even past the duplicate window', async () => {
    const traffic = new Traffic('B', 5000);
    await log.publishAll([...traffic.burst(), ...traffic.finish()]);
    let projection = await startProjection(config);
    await projection.reached(log.lastSequence);
    await expect.poll(() => log.db.getRepository(BillingOutboxRow).countBy({ transactionId: In(traffic.started), published: true })).toBe(3);
    await projection.close();
    // As if it had died after the publishes: the rows unmarked, and restarted after the window in which JetStream drops a republish.
    await log.db.getRepository(BillingOutboxRow).update({ transactionId: In(traffic.started) }, { published: false });
    const jsm = await log.nc.jetstreamManager();
    await jsm.streams.update(subjects.billingStream, { duplicate_window: nanos(100) });
    await delay(300);
    projection = await startProjection(config);
    await expect.poll(() => log.db.getRepository(BillingOutboxRow).countBy({ transactionId: In(traffic.started), published: true })).toBe(3);
    await projection.close();
    const counts = await log.billedCounts();
    expect(traffic.started.map((transactionId) => counts.get(transactionId))).toEqual([1, 1, 1]);
  });

  it('has a second replica stand by and take over from the checkpoint when the first dies', async () => {
    const traffic = new Traffic('S', 7000);
    const first = await openConnections(config);
    const active = await runProjection(first);
    await log.publishAll(traffic.burst());
    await active.reached(log.lastSequence);
    const standby = await startProjection(config);
    await first.nc.close();
    await first.dataSource.destroy();
    await log.publishAll(traffic.finish());
    await standby.reached(log.lastSequence);
    await standby.close();
    expect(await log.db.getRepository(TransactionRow).findBy({ transactionId: In(traffic.started) })).toMatchObject([{ known: true }, { known: true }, { known: true }]);
    expect((await log.db.getRepository(TransactionRow).findBy({ transactionId: In(traffic.started) })).every((row) => row.stoppedAt !== null)).toBe(true);
  });
});
