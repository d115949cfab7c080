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

describe('GraphQL subscriptions over graphql-ws: live charge point, connector, reservation, charging profile, local list and DataTransfer changes', () => {
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

  /** Holding the checkpoint's row holds up the projection's next commit: what `appended` publishes is in the log, not yet in the read models. */
  async function withProjectionHeld(appended: () => Promise<unknown>, whileHeld: () => Promise<void>, afterwards: () => Promise<void>): Promise<void> {
    const database = new Database({ connectionString: t.config.databaseUrl });
    await database.connect();
    try {
      await database.query('BEGIN');
      await database.query('SELECT * FROM projection_checkpoints FOR UPDATE');
      await appended();
      await whileHeld();
      await database.query('ROLLBACK');
      await afterwards();
    } finally {
      await database.end();
    }
  }

  it('with current: true hands out as now a change appended before the subscription but not yet projected', async () => {
    let chargePoint: Received | undefined;
    await withProjectionHeld(
      () => new EventPublisher(t.nc, t.subjects).publish(createEvent('ConnectorStatusChanged', { connectorId: 0, status: 'Unavailable', errorCode: 'OtherError' }, CP, new Date())),
      async () => {
        const before = await followers();
        chargePoint = subscribe(connect(t.api.token), `subscription { chargePointChanged(identity: "${CP}", current: true) { identity errorCode } }`);
        await followed(before);
      },
      () => expect.poll(() => chargePoint?.values).toEqual([{ chargePointChanged: { identity: CP, errorCode: 'OtherError' } }]),
    );
    chargePoint?.unsubscribe();
  });

  it('chargingProfilesChanged with current: true hands out as now a profile accepted before the subscription but not yet projected', async () => {
    let profiles: Received | undefined;
    const chargingProfile = { chargingProfileId: 11, stackLevel: 0, chargingProfilePurpose: 'ChargePointMaxProfile', chargingProfileKind: 'Absolute', chargingSchedule: { chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 11000 }] } };
    await withProjectionHeld(
      () => new EventPublisher(t.nc, t.subjects).publish(createEvent('ChargingProfileSet', { connectorId: 0, chargingProfile }, CP, new Date())),
      async () => {
        const before = await followers();
        profiles = subscribe(connect(t.api.token), `subscription { chargingProfilesChanged(identity: "${CP}", current: true) { profiles { chargingProfileId } } }`);
        await followed(before);
      },
      () => expect.poll(() => profiles?.values).toEqual([{ chargingProfilesChanged: { profiles: [{ chargingProfileId: 11 }] } }]),
    );
    profiles?.unsubscribe();
    await t.record(createEvent('ChargingProfilesCleared', { id: 11 }, CP, new Date()));
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

  it('reservationChanged hands out the reservations of the charge point asked about, as they are after each step', async () => {
    const before = await followers();
    const reservations = subscribe(connect(t.api.token), `subscription { reservationChanged(identity: "${CP}") { reservationId chargePointIdentity status answer } }`);
    await followed(before);

    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    await t.record(createEvent('ReservationRequested', { reservationId: 9001, connectorId: 1, idTag: 'CARD-9', expiresAt }, 'CP-ELSEWHERE', new Date()));
    await t.record(createEvent('ReservationRequested', { reservationId: 9002, connectorId: 1, idTag: 'CARD-9', expiresAt }, CP, new Date()));
    // A step recorded while the one before is read would be folded into it: each is recorded once the one before arrived.
    await expect.poll(() => reservations.values).toEqual([{ reservationChanged: { reservationId: 9002, chargePointIdentity: CP, status: 'requested', answer: null } }]);
    await t.record(createEvent('ReservationAccepted', { reservationId: 9002 }, CP, new Date()));

    await expect.poll(() => reservations.values.length).toBe(2);
    expect(reservations.values[1]).toEqual({ reservationChanged: { reservationId: 9002, chargePointIdentity: CP, status: 'accepted', answer: 'Accepted' } });
    expect(reservations.errors).toEqual([]);
    reservations.unsubscribe();
  });

  it('chargingProfilesChanged with current: true hands out the profiles as they are now, then every profile after each set and clear', async () => {
    const before = await followers();
    const profiles = subscribe(
      connect(t.api.token),
      `subscription { chargingProfilesChanged(identity: "${CP}", current: true) { chargePointIdentity profiles { connectorId chargingProfileId purpose } } }`,
    );
    await followed(before);
    await expect.poll(() => profiles.values).toEqual([{ chargingProfilesChanged: { chargePointIdentity: CP, profiles: [] } }]);

    const chargingProfile = (chargingProfileId: number) => ({
      chargingProfileId,
      stackLevel: 0,
      chargingProfilePurpose: 'TxDefaultProfile',
      chargingProfileKind: 'Relative',
      chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }] },
    });
    await t.record(createEvent('ChargingProfileSet', { connectorId: 1, chargingProfile: chargingProfile(5) }, 'CP-ELSEWHERE', new Date()));
    await t.record(createEvent('ChargingProfileSet', { connectorId: 1, chargingProfile: chargingProfile(6) }, CP, new Date()));
    await expect.poll(() => profiles.values.length).toBe(2);
    expect(profiles.values[1]).toEqual({ chargingProfilesChanged: { chargePointIdentity: CP, profiles: [{ connectorId: 1, chargingProfileId: 6, purpose: 'TxDefaultProfile' }] } });
    await t.record(createEvent('ChargingProfilesCleared', { id: 6 }, CP, new Date()));

    await expect.poll(() => profiles.values.length).toBe(3);
    expect(profiles.values[2]).toEqual({ chargingProfilesChanged: { chargePointIdentity: CP, profiles: [] } });
    expect(profiles.errors).toEqual([]);
    profiles.unsubscribe();
  });

  it('dataTransferReceived hands out each DataTransfer of every charge point, once it is listed, when no identity is asked about', async () => {
    const before = await followers();
    const transfers = subscribe(connect(t.api.token), 'subscription { dataTransferReceived { chargePointIdentity dataTransfer { vendorId messageId data status } } }');
    await followed(before);

    await t.record(createEvent('DataTransferReceived', { vendorId: 'com.example', messageId: 'Hello', data: '1', status: 'Accepted' }, 'CP-ELSEWHERE', new Date()));
    await t.record(createEvent('DataTransferReceived', { vendorId: 'com.other', status: 'UnknownVendorId' }, CP, new Date()));

    await expect.poll(() => transfers.values.length).toBe(2);
    expect(transfers.values).toEqual([
      { dataTransferReceived: { chargePointIdentity: 'CP-ELSEWHERE', dataTransfer: { vendorId: 'com.example', messageId: 'Hello', data: '1', status: 'Accepted' } } },
      { dataTransferReceived: { chargePointIdentity: CP, dataTransfer: { vendorId: 'com.other', messageId: null, data: null, status: 'UnknownVendorId' } } },
    ]);
    expect(transfers.errors).toEqual([]);
    transfers.unsubscribe();
  });

  it('localListChanged with current: true hands out where the local list stands now, then after each of its events', async () => {
    const before = await followers();
    const lists = subscribe(connect(t.api.token), `subscription { localListChanged(identity: "${CP}", current: true) { chargePointIdentity localList { wantedVersion state } } }`);
    await followed(before);
    await expect.poll(() => lists.values).toEqual([{ localListChanged: { chargePointIdentity: CP, localList: { wantedVersion: 0, state: 'pending' } } }]);

    await t.record(createEvent('LocalListChanged', { version: 2, digest: 'elsewhere', size: 1 }, 'CP-ELSEWHERE', new Date()));
    await t.record(createEvent('LocalListChanged', { version: 3, digest: 'empty', size: 0 }, CP, new Date()));

    await expect.poll(() => lists.values.length).toBe(2);
    expect(lists.values[1]).toEqual({ localListChanged: { chargePointIdentity: CP, localList: { wantedVersion: 3, state: 'pending' } } });
    expect(lists.errors).toEqual([]);
    lists.unsubscribe();
  });
});
