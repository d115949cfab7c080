import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSONCodec, StringCodec } from 'nats';
import type { DataSource } from 'typeorm';
import { createEvent, type EventOf, type EventType } from '@voltstream/contracts';
import { ConnectorRow, openReadModels, ParkedEventRow, ProjectionCheckpointRow, STATE_PROJECTION, TransactionRow } from '@voltstream/read-models';
import { tableContents, TestEventLog } from '../test-support/event-log';
import { startProjection, type RunningProjection } from './projection';
import { rebuildProjection } from './rebuild';

const log = new TestEventLog({ HEALTH_PORT: '0', READY_MAX_PENDING: '5', READY_MAX_STALL: '1' });
const { config, replayConfig, subjects } = log;
const INT32_OVERFLOW = 2 ** 31;

let projection: RunningProjection | undefined;
let lastSequence = 0;

async function publish<T extends EventType>(chargePoint: string | null, type: T, data: EventOf<T>['data']): Promise<number> {
  const ack = await log.publisher.publish(createEvent(type, data, chargePoint, new Date()));
  lastSequence = ack.seq;
  return ack.seq;
}

const status = (connectorId: number) => ({ connectorId, status: 'Available' as const, errorCode: 'NoError' as const });
const start = (transactionId: number, meterStart: number) => ({
  transactionId,
  connectorId: 1,
  idTag: 'TAG',
  meterStart,
  timestamp: '2025-06-01T10:00:00.000Z',
  authorizationStatus: 'Accepted' as const,
  tagOwner: null,
});
const stop = (transactionId: number) => ({ transactionId, meterStop: 10, timestamp: '2025-06-01T11:00:00.000Z', reason: 'Local' as const, known: true });

/** What a parked row says, without when it was parked or its number. */
async function parked(dataSource: DataSource): Promise<Partial<ParkedEventRow>[]> {
  const rows = await dataSource.getRepository(ParkedEventRow).find({ order: { sequence: 'ASC' } });
  return rows.map(({ consumer, sequence, eventType, chargePoint, error, attempts, state }) => ({ consumer, sequence, eventType, chargePoint, error, attempts, state }));
}

beforeAll(() => log.open('state-projection-parking-spec'));
afterAll(async () => {
  await projection?.close();
  await log.close();
});

describe('state projection parks the events it cannot apply, on real NATS and Postgres', () => {
  it('parks out-of-range and unreadable events stored in the log, projects the others, and a replay parks the same', async () => {
    const poison: number[] = [];
    await publish('CP-OK', 'ConnectorStatusChanged', status(1));
    poison.push(await publish('CP-BAD', 'ConnectorStatusChanged', status(-1)));
    poison.push(await publish('CP-BAD', 'ConnectorStatusChanged', status(INT32_OVERFLOW)));
    await publish('CP-OK', 'TransactionStarted', start(1, 100));
    poison.push(await publish('CP-BAD', 'TransactionStarted', start(2, INT32_OVERFLOW)));
    poison.push(await publish('CP-BAD', 'TransactionStopped', stop(INT32_OVERFLOW)));
    poison.push((await log.nc.jetstream().publish(subjects.event('station', 'CP-BAD', 'HeartbeatReceived'), StringCodec().encode('{"not": "an event"'))).seq);
    poison.push(await publish(null, 'HeartbeatReceived', {}));
    await publish('CP-OK', 'TransactionStopped', stop(1));
    await publish('CP-OK', 'ConnectorStatusChanged', status(2));

    projection = await startProjection(config);
    await projection.reached(lastSequence);

    expect(await log.db.getRepository(ConnectorRow).find({ where: { chargePointIdentity: 'CP-OK' }, order: { connectorId: 'ASC' } })).toMatchObject([{ connectorId: 1 }, { connectorId: 2 }]);
    expect(await log.db.getRepository(TransactionRow).find()).toMatchObject([{ transactionId: 1, known: true, meterEnd: 10 }]);
    expect(await log.db.getRepository(ProjectionCheckpointRow).findOneBy({ projection: STATE_PROJECTION })).toMatchObject({ sequence: lastSequence, appliedAbove: [] });
    const live = await parked(log.db);
    expect(live.map(({ sequence }) => sequence)).toEqual(poison);
    const outOfRange = (field: string) => expect.stringContaining(`data.${field} must be an integer from`);
    expect(live).toMatchObject([
      { consumer: STATE_PROJECTION, eventType: 'ConnectorStatusChanged', chargePoint: 'CP-BAD', attempts: 1, state: 'parked', error: outOfRange('connectorId') },
      { eventType: 'ConnectorStatusChanged', attempts: 1, error: outOfRange('connectorId') },
      { eventType: 'TransactionStarted', attempts: 1, error: outOfRange('meterStart') },
      { eventType: 'TransactionStopped', attempts: 1, error: outOfRange('transactionId') },
      { eventType: 'HeartbeatReceived', chargePoint: 'CP-BAD', attempts: 1, error: expect.stringContaining('JSON') },
      { eventType: 'HeartbeatReceived', chargePoint: null, attempts: 1, error: expect.stringContaining('names no charge point') },
    ]);

    await projection.close();
    projection = undefined;
    await rebuildProjection(replayConfig);
    const replay = await openReadModels(replayConfig.databaseUrl);
    try {
      expect(await parked(replay)).toEqual(live);
      expect(await tableContents(replay)).toEqual(await tableContents(log.db));
    } finally {
      await replay.destroy();
    }
  });

  it('is ready with parked events, shows their count, and not ready while it falls behind or stops committing', async () => {
    projection = await startProjection(config);
    await projection.reached(lastSequence);
    const ready = async () => {
      const response = await fetch(`http://127.0.0.1:${projection?.healthPort}/health/ready`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    expect(await ready()).toEqual({ status: 200, body: { status: 'ready', pending: 0, parked: 6 } });

    await log.db.query(`ALTER TABLE connectors RENAME TO connectors_away`);
    for (let connectorId = 1; connectorId <= 6; connectorId++) await publish('CP-LATE', 'ConnectorStatusChanged', status(connectorId));
    expect(await ready()).toMatchObject({ status: 503, body: { pending: 6, reason: '6 events pending, more than 5' } });
    await log.db.query(`DELETE FROM parked_events`);
    await expect.poll(ready, { timeout: 5000, interval: 500 }).toMatchObject({ status: 503, body: { parked: 0, reason: expect.stringContaining('no commit for') } });

    await log.db.query(`ALTER TABLE connectors_away RENAME TO connectors`);
    await projection.reached(lastSequence);
    expect(await ready()).toEqual({ status: 200, body: { status: 'ready', pending: 0, parked: 0 } });
  });

  it('applies a parked event again on request once its cause is fixed, and records a retry that fails', async () => {
    await log.db.query(`ALTER TABLE connectors ADD CONSTRAINT no_reservations_in_spec CHECK (status <> 'Reserved')`);
    const reserved = await publish('CP-RETRY', 'ConnectorStatusChanged', { connectorId: 1, status: 'Reserved', errorCode: 'NoError' });
    await publish('CP-RETRY', 'ConnectorStatusChanged', status(2));
    await projection?.reached(lastSequence);
    const row = await log.db.getRepository(ParkedEventRow).findOneByOrFail({ consumer: STATE_PROJECTION, sequence: reserved });
    expect(row).toMatchObject({ state: 'parked', attempts: 3, error: expect.stringContaining('no_reservations_in_spec') });
    expect(await log.db.getRepository(ConnectorRow).findOneBy({ chargePointIdentity: 'CP-RETRY', connectorId: 2 })).toMatchObject({ status: 'Available' });

    const retry = async () => (await log.nc.request(subjects.parkedEventRetry(STATE_PROJECTION), JSONCodec().encode({ id: row.id, sequence: reserved }), { timeout: 5000 })).json();
    expect(await retry()).toEqual({ outcome: 'failed', error: expect.stringContaining('no_reservations_in_spec') });
    expect(await log.db.getRepository(ParkedEventRow).findOneBy({ id: row.id })).toMatchObject({ state: 'parked', retries: 1, retryError: expect.stringContaining('no_reservations_in_spec') });

    await log.db.query(`ALTER TABLE connectors DROP CONSTRAINT no_reservations_in_spec`);
    expect(await retry()).toEqual({ outcome: 'resolved' });
    expect(await log.db.getRepository(ParkedEventRow).findOneBy({ id: row.id })).toMatchObject({ state: 'resolved', retries: 2, retryError: null, retriedAt: expect.any(Date) });
    expect(await log.db.getRepository(ConnectorRow).findOneBy({ chargePointIdentity: 'CP-RETRY', connectorId: 1 })).toMatchObject({ status: 'Reserved' });
    expect(await log.db.getRepository(ProjectionCheckpointRow).findOneBy({ projection: STATE_PROJECTION })).toMatchObject({ sequence: lastSequence, appliedAbove: [] });
  });
});
