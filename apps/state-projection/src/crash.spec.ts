import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as delay } from 'node:timers/promises';
import { JSONCodec, nanos } from 'nats';
import { In } from 'typeorm';
import { createEvent, type EventOf, type EventType, type MeterValue } from '@voltstream/contracts';
import { BillingOutboxRow, openReadModels, TransactionRow } from '@voltstream/read-models';
import { tableContents, TestEventLog } from '../test-support/event-log';
import type { Checkpoint } from './checkpoint';
import { openConnections, runProjection, startProjection, type RunningProjection } from './projection';
import type { ProjectionStep } from './projection-worker';
import { rebuildProjection } from './rebuild';

const log = new TestEventLog();
const { config, replayConfig, subjects } = log;
const billingCodec = JSONCodec<{ transactionId: number }>();
let lastSequence = 0;

async function publishAll(events: EventOf<EventType>[]): Promise<void> {
  const acks = await Promise.all(events.map((event) => log.publisher.publish(event)));
  lastSequence = Math.max(lastSequence, ...acks.map((ack) => ack.seq));
}

const register = (wh: number): MeterValue[] => [{ timestamp: new Date(1_750_000_000_000 + wh * 1000).toISOString(), sampledValue: [{ value: String(wh), unit: 'Wh' }] }];

/**
 * Wallboxes charging in turns: each burst stops what the last one started, starts anew, and
 * reports meter values and statuses of others, so every batch holds starts, stops and telemetry.
 */
class Traffic {
  private running: { identity: string; transactionId: number; wh: number }[] = [];
  readonly started: number[] = [];

  constructor(private readonly prefix: string, private nextTransactionId: number) {}

  burst(): EventOf<EventType>[] {
    const at = new Date();
    const events: EventOf<EventType>[] = [];
    for (const session of this.running) {
      session.wh += 150;
      events.push(createEvent('MeterValuesReported', { connectorId: 1, transactionId: session.transactionId, meterValue: register(session.wh) }, session.identity, at));
      events.push(createEvent('TransactionStopped', { transactionId: session.transactionId, meterStop: session.wh + 10, timestamp: at.toISOString(), reason: 'Local', known: true }, session.identity, at));
      events.push(createEvent('ConnectorStatusChanged', { connectorId: 1, status: 'Available', errorCode: 'NoError' }, session.identity, at));
    }
    this.running = ['1', '2', '3'].map((wallbox) => `${this.prefix}-${wallbox}`).map((identity) => ({ identity, transactionId: this.nextTransactionId++, wh: 1000 }));
    for (const session of this.running) {
      this.started.push(session.transactionId);
      events.push(createEvent('ConnectorStatusChanged', { connectorId: 1, status: 'Charging', errorCode: 'NoError' }, session.identity, at));
      events.push(createEvent('TransactionStarted', { transactionId: session.transactionId, connectorId: 1, idTag: 'TAG', meterStart: session.wh, timestamp: at.toISOString(), authorizationStatus: 'Accepted', tagOwner: null }, session.identity, at));
    }
    for (const identity of [`${this.prefix}-M1`, `${this.prefix}-M2`]) events.push(createEvent('MeterValuesReported', { connectorId: 1, meterValue: register(this.nextTransactionId) }, identity, at));
    return events;
  }

  /** Stops what runs, and nothing new starts. */
  finish(): EventOf<EventType>[] {
    const at = new Date();
    const stops = this.running.map((session) =>
      createEvent('TransactionStopped', { transactionId: session.transactionId, meterStop: session.wh, timestamp: at.toISOString(), reason: 'Local', known: true }, session.identity, at),
    );
    this.running = [];
    return stops;
  }
}

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
    await publishAll(traffic.burst());
    if (await Promise.race([killed.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 100))])) break;
  }
  await connections.nc.close();
  await connections.dataSource.destroy();
}

/** How often each transaction id was published for billing. */
async function billedCounts(): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  const { state } = await (await log.nc.jetstreamManager()).streams.info(subjects.billingStream);
  const consumer = await log.nc.jetstream().consumers.get(subjects.billingStream);
  for (let read = 0; read < state.messages; read++) {
    const message = await consumer.next({ expires: 2000 });
    if (!message) break;
    const { transactionId } = billingCodec.decode(message.data);
    counts.set(transactionId, (counts.get(transactionId) ?? 0) + 1);
  }
  return counts;
}

beforeAll(() => log.open('state-projection-crash-spec'));
afterAll(() => log.close());

describe('state projection killed mid-batch, on real NATS and Postgres', () => {
  it('resumes right after its checkpoint, not after what the dead process was handed', async () => {
    const traffic = new Traffic('R', 1);
    await killAt(KILL_POINTS['after the fetch'], traffic);
    const { started } = traffic;
    await publishAll(traffic.finish());
    const projection = await startProjection(config);
    await projection.reached(lastSequence);
    await projection.close();
    const projected = await log.db.getRepository(TransactionRow).find({ order: { transactionId: 'ASC' } });
    expect(projected.map((transaction) => [transaction.transactionId, transaction.known, transaction.stoppedAt !== null])).toEqual(
      started.map((transactionId) => [transactionId, true, true]),
    );
  });

  it('equals a replay of the log and bills every transaction exactly once, whatever step it was killed at', async () => {
    const traffic = new Traffic('K', 1000);
    for (const killPoint of Object.values(KILL_POINTS)) {
      await killAt(killPoint, traffic);
      await publishAll(traffic.burst());
    }
    await publishAll(traffic.finish());
    let projection: RunningProjection = await startProjection(config);
    await projection.reached(lastSequence);
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
    await expect.poll(async () => [...(await billedCounts()).entries()].sort(([a], [b]) => a - b), { timeout: 10_000 }).toEqual(
      stopped.sort((a, b) => a - b).map((transactionId) => [transactionId, 1]),
    );
    await projection.close();
  });

  it('bills exactly once when it died between a publish and marking it published, even past the duplicate window', async () => {
    const traffic = new Traffic('B', 5000);
    await publishAll([...traffic.burst(), ...traffic.finish()]);
    let projection = await startProjection(config);
    await projection.reached(lastSequence);
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
    const counts = await billedCounts();
    expect(traffic.started.map((transactionId) => counts.get(transactionId))).toEqual([1, 1, 1]);
  });

  it('has a second replica stand by and take over from the checkpoint when the first dies', async () => {
    const traffic = new Traffic('S', 7000);
    const first = await openConnections(config);
    const active = await runProjection(first);
    await publishAll(traffic.burst());
    await active.reached(lastSequence);
    const standby = await startProjection(config);
    await first.nc.close();
    await first.dataSource.destroy();
    await publishAll(traffic.finish());
    await standby.reached(lastSequence);
    await standby.close();
    expect(await log.db.getRepository(TransactionRow).findBy({ transactionId: In(traffic.started) })).toMatchObject([{ known: true }, { known: true }, { known: true }]);
    expect((await log.db.getRepository(TransactionRow).findBy({ transactionId: In(traffic.started) })).every((row) => row.stoppedAt !== null)).toBe(true);
  });
});
