import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedChargePoint } from '@voltstream/simulator';
import { firstSubscription, liveClient, received } from './support/live';
import { startSystem, type System } from './support/system';
import { adoptedWallbox, eventually } from './support/wallboxes';

const WATCHED = 'LIVE-1';
const OTHER = 'LIVE-2';

interface LiveReservation {
  reservationId: number;
  chargePointIdentity: string;
  status: string;
  answer: string | null;
}

interface LiveProfiles {
  chargePointIdentity: string;
  profiles: { connectorId: number; chargingProfileId: number; purpose: string }[];
}

interface LiveLocalList {
  chargePointIdentity: string;
  localList: { wantedVersion: number; acknowledgedVersion: number | null; state: string; heldEntries: number | null };
}

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

function txDefaultProfile(chargingProfileId: number, limit: number) {
  const chargingSchedule = { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit }] };
  return { chargingProfileId, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Relative', chargingSchedule };
}

describe('live Reservation, Smart Charging, local list and DataTransfer changes over GraphQL subscriptions (end to end, SPEC §9)', () => {
  let system: System;
  let client: Client;
  const wallboxes = new Map<string, SimulatedChargePoint>();

  const reserve = async (identity: string, connectorId: number, idTag: string) => {
    const answer = await system.api<{ reservationId: number; status: string }>(`/api/charge-points/${identity}/reservations`, {
      method: 'POST',
      body: { connectorId, idTag, expiresAt: inMinutes(30) },
    });
    expect(answer).toMatchObject({ status: 200, body: { status: 'Accepted' } });
    return answer.body.reservationId;
  };
  const setProfile = (identity: string, chargingProfileId: number) =>
    system.api(`/api/charge-points/${identity}/charging-profiles`, { method: 'PUT', body: { connectorId: 1, csChargingProfiles: txDefaultProfile(chargingProfileId, 16) } });

  beforeAll(async () => {
    system = await startSystem();
    for (const identity of [WATCHED, OTHER]) wallboxes.set(identity, await adoptedWallbox(system, identity, { startMode: 'anyTag' }));
    client = liveClient(system);
  });
  afterAll(async () => {
    await client?.dispose();
    await Promise.all([...wallboxes.values()].map((wallbox) => wallbox.close()));
    await system?.stop();
  });

  it('a DataTransfer a wallbox sends arrives on dataTransferReceived of its identity, with the answer it got; another wallbox’s does not', async () => {
    const transfers = await firstSubscription(
      system,
      client,
      `subscription { dataTransferReceived(identity: "${WATCHED}") { chargePointIdentity dataTransfer { vendorId messageId data status } } }`,
    );
    // The gateway answers once the message is in the log: the other wallbox's comes first there.
    expect(await wallboxes.get(OTHER)?.dataTransfer({ vendorId: 'com.voltstream.other' })).toEqual({ status: 'UnknownVendorId' });
    expect(await wallboxes.get(WATCHED)?.dataTransfer({ vendorId: 'com.voltstream.live', messageId: 'hello', data: 'world' })).toEqual({ status: 'UnknownVendorId' });

    await eventually(async () => expect(transfers.values).toHaveLength(1));
    expect(transfers.values).toEqual([
      { chargePointIdentity: WATCHED, dataTransfer: { vendorId: 'com.voltstream.live', messageId: 'hello', data: 'world', status: 'UnknownVendorId' } },
    ]);
    expect(transfers.errors).toEqual([]);
    transfers.unsubscribe();
  });

  // A value is the row as it is once its events are projected: a step taken while the one before was read is folded into it.
  it('a reservation made and answered, then cancelled, arrives on reservationChanged of its identity, after the ones it held already (current: true)', async () => {
    const held = await reserve(WATCHED, 1, 'DRIVER-1');
    const reservations = received<LiveReservation>(
      client,
      `subscription { reservationChanged(identity: "${WATCHED}", current: true) { reservationId chargePointIdentity status answer } }`,
    );
    await eventually(async () => expect(reservations.values).toEqual([{ reservationId: held, chargePointIdentity: WATCHED, status: 'accepted', answer: 'Accepted' }]));

    await reserve(OTHER, 1, 'DRIVER-2');
    const made = await reserve(WATCHED, 2, 'DRIVER-3');
    await eventually(async () => expect(reservations.values.at(-1)).toEqual({ reservationId: made, chargePointIdentity: WATCHED, status: 'accepted', answer: 'Accepted' }));
    expect(await system.api(`/api/reservations/${made}`, { method: 'DELETE' })).toEqual({ status: 200, body: { status: 'Accepted' } });
    await eventually(async () => expect(reservations.values.at(-1)).toEqual({ reservationId: made, chargePointIdentity: WATCHED, status: 'cancelled', answer: 'Accepted' }));

    expect(new Set(reservations.values.slice(1).map(({ reservationId }) => reservationId))).toEqual(new Set([made]));
    expect(reservations.errors).toEqual([]);
    reservations.unsubscribe();
  });

  it('a charging profile set and cleared arrives on chargingProfilesChanged of its identity as every profile the wallbox holds (current: true first)', async () => {
    const profiles = received<LiveProfiles>(
      client,
      `subscription { chargingProfilesChanged(identity: "${WATCHED}", current: true) { chargePointIdentity profiles { connectorId chargingProfileId purpose } } }`,
    );
    await eventually(async () => expect(profiles.values).toEqual([{ chargePointIdentity: WATCHED, profiles: [] }]));

    expect(await setProfile(OTHER, 7)).toEqual({ status: 200, body: { status: 'Accepted' } });
    expect(await setProfile(WATCHED, 8)).toEqual({ status: 200, body: { status: 'Accepted' } });
    const installed = { chargePointIdentity: WATCHED, profiles: [{ connectorId: 1, chargingProfileId: 8, purpose: 'TxDefaultProfile' }] };
    await eventually(async () => expect(profiles.values.at(-1)).toEqual(installed));
    expect(await system.api(`/api/charge-points/${WATCHED}/charging-profiles?id=8`, { method: 'DELETE' })).toEqual({ status: 200, body: { status: 'Accepted' } });
    await eventually(async () => expect(profiles.values.at(-1)).toEqual({ chargePointIdentity: WATCHED, profiles: [] }));

    // The other wallbox's profile 7 never showed here.
    expect(profiles.values.every(({ chargePointIdentity }) => chargePointIdentity === WATCHED)).toBe(true);
    expect(profiles.errors).toEqual([]);
    profiles.unsubscribe();
  });

  it('a local tag saved on a localList wallbox is synced by itself, and localListChanged of its identity follows the sync to inSync (current: true first)', async () => {
    const lists = received<LiveLocalList>(
      client,
      `subscription { localListChanged(identity: "${WATCHED}", current: true) { chargePointIdentity localList { wantedVersion acknowledgedVersion state heldEntries } } }`,
    );
    await eventually(async () => expect(lists.values).toHaveLength(1));

    expect((await system.api(`/api/charge-points/${OTHER}/local-tags/CARD-OTHER`, { method: 'PUT', body: {} })).status).toBeLessThan(300);
    expect((await system.api(`/api/charge-points/${WATCHED}/local-tags/CARD-LOCAL`, { method: 'PUT', body: {} })).status).toBeLessThan(300);
    expect((await system.api(`/api/charge-points/${WATCHED}`, { method: 'PUT', body: { startMode: 'localList' } })).status).toBe(200);

    await eventually(async () => expect(lists.values.at(-1)?.localList).toMatchObject({ state: 'inSync', heldEntries: 1 }));
    const synced = lists.values.at(-1)?.localList;
    expect(synced?.acknowledgedVersion).toBe(synced?.wantedVersion);
    expect(lists.values.every(({ chargePointIdentity }) => chargePointIdentity === WATCHED)).toBe(true);
    expect(lists.errors).toEqual([]);
    lists.unsubscribe();
  });
});
