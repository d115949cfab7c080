import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '@voltstream/contracts';
import { createClient, type Client } from 'graphql-ws';
import { Client as Database } from 'pg';
import WebSocket from 'ws';
import { EventPublisher } from '@voltstream/nats';
import { startTestApi, type TestApi } from '../../test-support/api-harness';

const CP = 'CP-LIVE';

interface Received {
  values: unknown[];
  errors: unknown[];
  unsubscribe(): void;
}

describe('GraphQL subscriptions over graphql-ws: live charge point and connector changes', () => {
  let t: TestApi;
  const clients: Client[] = [];

  function connect(token: string | null): Client {
    const client = createClient({
      url: `ws://127.0.0.1:${t.api.port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: token === null ? {} : { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    clients.push(client);
    return client;
  }

  function subscribe(client: Client, query: string): Received {
    const received: Received = { values: [], errors: [], unsubscribe: () => undefined };
    received.unsubscribe = client.subscribe(
      { query },
      { next: ({ data }) => received.values.push(data), error: (error) => received.errors.push(error), complete: () => undefined },
    );
    return received;
  }

  /** The API follows the event log with a consumer of its own once anyone subscribes. */
  async function followers(): Promise<string[]> {
    const jsm = await t.nc.jetstreamManager();
    const consumers = await jsm.consumers.list(t.subjects.eventsStream).next();
    // A consumer deleted while the server lists them (another spec's follower ending) comes back as null.
    return consumers
      .filter((info) => info !== null)
      .filter(({ config }) => config.filter_subject === t.subjects.allEvents || config.filter_subjects?.includes(t.subjects.allEvents))
      .map(({ name }) => name);
  }

  /** Resolves once the API follows the log for a new subscription: every event appended afterwards reaches it. */
  async function followed(before: string[]): Promise<void> {
    await expect.poll(async () => (await followers()).filter((name) => !before.includes(name)).length).toBeGreaterThan(0);
  }

  beforeAll(async () => {
    t = await startTestApi({ projection: true });
    await t.record(createEvent('ConnectorStatusChanged', { connectorId: 1, status: 'Available', errorCode: 'NoError' }, CP, new Date()));
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await t?.close();
  });

  it('closes a connection whose connectionParams carry no valid token (4403)', async () => {
    for (const token of [null, 'wrong']) {
      const received = subscribe(connect(token), '{ chargePointChanged { identity } }' as string);
      await expect.poll(() => received.errors.length).toBe(1);
      expect(received.errors[0]).toMatchObject({ code: 4403 });
      expect(received.values).toEqual([]);
    }
  });

  // One subscription at a time: once the API follows the log, that subscription is registered.
  it('hands out the fresh connector after a ConnectorStatusChanged of the charge point asked about', async () => {
    const before = await followers();
    const connectors = subscribe(
      connect(t.api.token),
      `subscription { connectorChanged(identity: "${CP}") { chargePointIdentity connector { connectorId status errorCode available } } }`,
    );
    await followed(before);

    await t.record(createEvent('ConnectorStatusChanged', { connectorId: 1, status: 'Charging', errorCode: 'NoError' }, 'CP-ELSEWHERE', new Date()));
    await t.record(createEvent('ConnectorStatusChanged', { connectorId: 1, status: 'Faulted', errorCode: 'GroundFailure' }, CP, new Date()));

    await expect.poll(() => connectors.values.length).toBe(1);
    expect(connectors.values).toEqual([
      { connectorChanged: { chargePointIdentity: CP, connector: { connectorId: 1, status: 'Faulted', errorCode: 'GroundFailure', available: true } } },
    ]);
    expect(connectors.errors).toEqual([]);
    connectors.unsubscribe();
  });

  it('hands out every charge point as it is after a change, when no identity is asked about', async () => {
    const before = await followers();
    const chargePoints = subscribe(connect(t.api.token), 'subscription { chargePointChanged { identity lastSeenAt status connectors { status } } }');
    await followed(before);

    const recordedAt = new Date();
    await t.record(createEvent('ConnectorStatusChanged', { connectorId: 1, status: 'Available', errorCode: 'NoError' }, 'CP-ELSEWHERE', recordedAt));
    await t.record(createEvent('ConnectorStatusChanged', { connectorId: 0, status: 'Unavailable', errorCode: 'NoError' }, CP, recordedAt));

    await expect.poll(() => chargePoints.values.length).toBe(2);
    expect(chargePoints.values).toEqual([
      { chargePointChanged: { identity: 'CP-ELSEWHERE', lastSeenAt: recordedAt.toISOString(), status: null, connectors: [{ status: 'Available' }] } },
      { chargePointChanged: { identity: CP, lastSeenAt: recordedAt.toISOString(), status: 'Unavailable', connectors: [{ status: 'Faulted' }] } },
    ]);
    expect(chargePoints.errors).toEqual([]);
    chargePoints.unsubscribe();
  });

  it('with current: true hands out the charge point as it is now first, then as it is after each change', async () => {
    const before = await followers();
    const chargePoint = subscribe(connect(t.api.token), `subscription { chargePointChanged(identity: "${CP}", current: true) { identity status } }`);
    await followed(before);
    await expect.poll(() => chargePoint.values).toEqual([{ chargePointChanged: { identity: CP, status: 'Unavailable' } }]);

    await t.record(createEvent('ConnectorStatusChanged', { connectorId: 0, status: 'Available', errorCode: 'NoError' }, CP, new Date()));
    await expect.poll(() => chargePoint.values.length).toBe(2);
    expect(chargePoint.values[1]).toEqual({ chargePointChanged: { identity: CP, status: 'Available' } });
    expect(chargePoint.errors).toEqual([]);
    chargePoint.unsubscribe();
  });

  it('with current: true hands out as now a change appended before the subscription but not yet projected', async () => {
    // Holding the checkpoint's row holds up the projection's next commit: the change is in the log, not yet in the read models.
    const database = new Database({ connectionString: t.config.databaseUrl });
    await database.connect();
    try {
      await database.query('BEGIN');
      await database.query('SELECT * FROM projection_checkpoints FOR UPDATE');
      await new EventPublisher(t.nc, t.subjects).publish(createEvent('ConnectorStatusChanged', { connectorId: 0, status: 'Unavailable', errorCode: 'OtherError' }, CP, new Date()));
      const before = await followers();
      const chargePoint = subscribe(connect(t.api.token), `subscription { chargePointChanged(identity: "${CP}", current: true) { identity errorCode } }`);
      await followed(before);
      await database.query('ROLLBACK');
      await expect.poll(() => chargePoint.values).toEqual([{ chargePointChanged: { identity: CP, errorCode: 'OtherError' } }]);
      chargePoint.unsubscribe();
    } finally {
      await database.end();
    }
  });

  it('fleetChanged first says the changes are followed and everything before is readable, then hands out each change', async () => {
    const fleet = subscribe(connect(t.api.token), 'subscription { fleetChanged { chargePoint { identity status } } }');
    await expect.poll(() => fleet.values).toEqual([{ fleetChanged: { chargePoint: null } }]);

    await t.record(createEvent('ConnectorStatusChanged', { connectorId: 0, status: 'Faulted', errorCode: 'NoError' }, CP, new Date()));
    await expect.poll(() => fleet.values.length).toBe(2);
    expect(fleet.values[1]).toEqual({ fleetChanged: { chargePoint: { identity: CP, status: 'Faulted' } } });
    expect(fleet.errors).toEqual([]);
    fleet.unsubscribe();
  });
});
