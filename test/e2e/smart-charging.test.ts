import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CsmsCall, SimulatedChargePoint } from '@voltstream/simulator';
import { startSystem, type System } from './support/system';
import type { ErrorBody, MeterValueView } from './support/views';
import { adoptedWallbox, connector, SLOW_MS } from './support/wallboxes';

const IDENTITY = 'SMART-1';
const CALL_TIMEOUT_S = 5;
const POWER_SAMPLED = 'Energy.Active.Import.Register,Power.Active.Import';

interface ProfileView {
  connectorId: number;
  chargingProfileId: number;
  stackLevel: number;
  purpose: string;
  transactionId: number | null;
  awaitingRemoteStartIdTag: string | null;
}

interface CompositeView {
  status: string;
  connectorId?: number;
  chargingSchedule?: { chargingRateUnit: string; duration: number; chargingSchedulePeriod: { startPeriod: number; limit: number }[] };
}

type Periods = [number, number][];

function schedule(periods: Periods, startSchedule?: string) {
  const chargingSchedulePeriod = periods.map(([startPeriod, limit]) => ({ startPeriod, limit }));
  return { chargingRateUnit: 'W', chargingSchedulePeriod, ...(startSchedule ? { startSchedule } : {}) };
}

function absolute(chargingProfileId: number, chargingProfilePurpose: string, periods: Periods, stackLevel = 0) {
  return { chargingProfileId, stackLevel, chargingProfilePurpose, chargingProfileKind: 'Absolute', chargingSchedule: schedule(periods, new Date().toISOString()) };
}

function txProfile(chargingProfileId: number, limit: number, transactionId?: number) {
  return {
    chargingProfileId,
    stackLevel: 1,
    chargingProfilePurpose: 'TxProfile',
    chargingProfileKind: 'Relative',
    ...(transactionId === undefined ? {} : { transactionId }),
    chargingSchedule: schedule([[0, limit]]),
  };
}

describe('Smart Charging (end to end, SPEC §9, OCPP 1.6 §3.13)', () => {
  let system: System;
  let wallbox: SimulatedChargePoint;
  const calls: CsmsCall[] = [];
  const api = <T = { status: string }>(path: string, method = 'GET', body?: unknown) =>
    system.api<T>(`/api/charge-points/${IDENTITY}/${path}`, { method, body });
  const setProfile = (connectorId: number, csChargingProfiles: unknown) => api('charging-profiles', 'PUT', { connectorId, csChargingProfiles });
  const installed = async () => (await api<ProfileView[]>('charging-profiles')).body;
  const composite = (connectorId: number, duration: number) => api<CompositeView>(`composite-schedule?connectorId=${connectorId}&duration=${duration}&chargingRateUnit=W`);
  const samples = async (connectorId: number, measurand: string, transactionId: number) =>
    (await api<MeterValueView[]>(`connectors/${connectorId}/meter-values`)).body.filter((sample) => sample.measurand === measurand && sample.transactionId === transactionId);

  beforeAll(async () => {
    system = await startSystem({ OCPP_CALL_TIMEOUT: String(CALL_TIMEOUT_S) });
    wallbox = await adoptedWallbox(system, IDENTITY, { startMode: 'anyTag' });
    wallbox.on('call', (call) => calls.push(call));
    expect(await api(`configuration/MeterValuesSampledData`, 'PUT', { value: POWER_SAMPLED })).toEqual({ status: 200, body: { status: 'Accepted' } });
  });
  afterAll(async () => {
    await wallbox?.close();
    await system?.stop();
  });

  it('TC_056: a TxDefaultProfile is installed on the wallbox, shown as installed, and limits its composite schedule', async () => {
    const profile = absolute(1, 'TxDefaultProfile', [[0, 11_000]]);
    expect(await setProfile(1, profile)).toEqual({ status: 200, body: { status: 'Accepted' } });
    expect(calls.at(-1)).toEqual({ action: 'SetChargingProfile', payload: { connectorId: 1, csChargingProfiles: profile } });
    expect(wallbox.chargingProfiles).toEqual([{ connectorId: 1, profile }]);
    await expect.poll(installed, { timeout: SLOW_MS }).toEqual([
      expect.objectContaining({ connectorId: 1, chargingProfileId: 1, purpose: 'TxDefaultProfile', stackLevel: 0, transactionId: null, profile }),
    ]);
    const answer = await composite(1, 600);
    expect(answer).toMatchObject({ status: 200, body: { status: 'Accepted', connectorId: 1, chargingSchedule: { chargingRateUnit: 'W', duration: 600 } } });
    expect(answer.body.chargingSchedule?.chargingSchedulePeriod).toEqual([{ startPeriod: 0, limit: 11_000 }]);
  });

  it('TC_057: a TxProfile limits the power and energy the wallbox meters, GetCompositeSchedule shows it, and it ends with its transaction', async () => {
    // 10 Wh every 200 ms (180 kW) where no profile limits it.
    const session = wallbox.plugInAndCharge({ connectorId: 1, idTag: 'FLEET-7', wh: 3000, samples: 300, meterIntervalMs: 200 });
    await expect.poll(() => connector(system, IDENTITY, 1), { timeout: SLOW_MS }).toMatchObject({ status: 'Charging', transaction: true });
    const { transactionId } = await connector(system, IDENTITY, 1);
    if (transactionId === null) throw new Error('no transaction on connector 1');
    await expect.poll(async () => (await samples(1, 'Power.Active.Import', transactionId)).length, { timeout: SLOW_MS }).toBeGreaterThan(1);

    expect(await setProfile(1, txProfile(2, 3700, transactionId))).toEqual({ status: 200, body: { status: 'Accepted' } });
    expect((await composite(1, 600)).body.chargingSchedule?.chargingSchedulePeriod).toEqual([{ startPeriod: 0, limit: 3700 }]);
    await expect.poll(async () => (await samples(1, 'Power.Active.Import', transactionId)).filter((sample) => sample.value === 3700).length, { timeout: SLOW_MS }).toBeGreaterThan(3);
    // Before, the TxDefaultProfile of TC_056 held it to 11 kW; once the TxProfile is in, every sample draws 3.7 kW.
    const power = await samples(1, 'Power.Active.Import', transactionId);
    expect(power[0].value).toBe(11_000);
    const limitedFrom = power.findIndex((sample) => sample.value === 3700);
    expect(power.slice(limitedFrom).every((sample) => sample.value === 3700)).toBe(true);
    // 3.7 kW for 200 ms is 0.21 Wh a sample: the register grows by that, in whole Wh.
    const energy = (await samples(1, 'Energy.Active.Import.Register', transactionId)).map((sample) => sample.value as number);
    const limitedEnergy = energy.slice(limitedFrom);
    expect((limitedEnergy.at(-1) ?? 0) - limitedEnergy[0]).toBeLessThanOrEqual(Math.ceil((limitedEnergy.length - 1) * 0.21));

    await expect.poll(installed, { timeout: SLOW_MS }).toContainEqual(expect.objectContaining({ chargingProfileId: 2, connectorId: 1, purpose: 'TxProfile', transactionId }));
    expect(await api('remote-stop', 'POST', { transactionId })).toEqual({ status: 200, body: { status: 'Accepted' } });
    expect((await session).outcome).toBe('stoppedByCsms');
    expect(wallbox.chargingProfiles.map(({ profile }) => profile.chargingProfileId)).toEqual([1]);
    await expect.poll(async () => (await installed()).map((profile) => profile.chargingProfileId), { timeout: SLOW_MS }).toEqual([1]);
  });

  it('TC_059: a remote start with a TxProfile starts a transaction limited by it, and the CSMS learns which transaction it is for', async () => {
    const profile = txProfile(3, 7400);
    const started = await api('remote-start', 'POST', { idTag: 'FLEET-9', connectorId: 2, chargingProfile: profile });
    expect(started).toEqual({ status: 200, body: { status: 'Accepted' } });
    expect(calls.at(-1)).toEqual({ action: 'RemoteStartTransaction', payload: { idTag: 'FLEET-9', connectorId: 2, chargingProfile: profile } });
    await expect.poll(() => connector(system, IDENTITY, 2), { timeout: SLOW_MS }).toMatchObject({ status: 'Charging', transaction: true });
    const { transactionId } = await connector(system, IDENTITY, 2);
    expect(wallbox.chargingProfiles).toContainEqual({ connectorId: 2, profile: { ...profile, transactionId } });
    await expect.poll(installed, { timeout: SLOW_MS }).toContainEqual(
      expect.objectContaining({ chargingProfileId: 3, connectorId: 2, purpose: 'TxProfile', transactionId, awaitingRemoteStartIdTag: null }),
    );
    expect((await composite(2, 60)).body.chargingSchedule?.chargingSchedulePeriod).toEqual([{ startPeriod: 0, limit: 7400 }]);
    await wallbox.finishTransaction(2);
    await expect.poll(async () => (await installed()).map((each) => each.chargingProfileId), { timeout: SLOW_MS }).toEqual([1]);
  });

  it('TC_066: GetCompositeSchedule gives the lower of the ChargePointMaxProfile and the transaction profile, period by period', async () => {
    expect(await setProfile(0, absolute(4, 'ChargePointMaxProfile', [[0, 16_000], [300, 6_000]]))).toEqual({ status: 200, body: { status: 'Accepted' } });
    const ofConnector = (await composite(1, 600)).body;
    expect(ofConnector).toMatchObject({ status: 'Accepted', connectorId: 1 });
    const [first, second, ...rest] = ofConnector.chargingSchedule?.chargingSchedulePeriod ?? [];
    expect([first, rest]).toEqual([{ startPeriod: 0, limit: 11_000 }, []]);
    expect(second.limit).toBe(6_000);
    // The max profile started when it was sent, the composite a moment later.
    expect(second.startPeriod).toBeGreaterThan(290);
    expect(second.startPeriod).toBeLessThanOrEqual(300);
    const wholeChargePoint = (await composite(0, 600)).body.chargingSchedule?.chargingSchedulePeriod;
    expect(wholeChargePoint?.map((period) => period.limit)).toEqual([16_000, 6_000]);
    expect((await api<CompositeView>('composite-schedule?connectorId=1&duration=60&chargingRateUnit=A')).body.chargingSchedule).toMatchObject({
      chargingRateUnit: 'A',
      chargingSchedulePeriod: [{ startPeriod: 0, limit: 15.9 }],
    });
  });

  it('GraphQL: the same commands as mutations, the installed profiles and the composite schedule as queries', async () => {
    const graphql = async (query: string, variables: object = {}) => {
      const answer = await system.api<{ data?: Record<string, unknown> | null; errors?: { message: string; extensions: { code: string } }[] }>('/graphql', { method: 'POST', body: { query, variables } });
      return answer.body;
    };
    const set = `mutation Set($profile: ChargingProfileInput!) { setChargingProfile(identity: "${IDENTITY}", connectorId: 2, csChargingProfiles: $profile) { status } }`;
    const profile = absolute(20, 'TxDefaultProfile', [[0, 7_000]], 2);
    expect(await graphql(set, { profile })).toEqual({ data: { setChargingProfile: { status: 'Accepted' } } });
    expect(calls.at(-1)).toEqual({ action: 'SetChargingProfile', payload: { connectorId: 2, csChargingProfiles: profile } });
    const installedQuery = `{ chargingProfiles(identity: "${IDENTITY}", connectorId: 2) { connectorId chargingProfileId stackLevel purpose transactionId profile { chargingSchedule { chargingSchedulePeriod { startPeriod limit } } } } }`;
    await expect.poll(() => graphql(installedQuery), { timeout: SLOW_MS }).toEqual({
      data: {
        chargingProfiles: [
          { connectorId: 2, chargingProfileId: 20, stackLevel: 2, purpose: 'TxDefaultProfile', transactionId: null, profile: { chargingSchedule: { chargingSchedulePeriod: [{ startPeriod: 0, limit: 7000 }] } } },
        ],
      },
    });
    const compositeQuery = `{ compositeSchedule(identity: "${IDENTITY}", connectorId: 2, duration: 60, chargingRateUnit: "W") { status connectorId chargingSchedule { chargingSchedulePeriod { startPeriod limit } } } }`;
    expect(await graphql(compositeQuery)).toEqual({
      data: { compositeSchedule: { status: 'Accepted', connectorId: 2, chargingSchedule: { chargingSchedulePeriod: [{ startPeriod: 0, limit: 7000 }] } } },
    });
    const gap = { ...profile, chargingSchedule: schedule([[30, 7_000]], new Date().toISOString()) };
    const refused = await graphql(set, { profile: gap });
    expect(refused.errors?.[0]).toMatchObject({ message: expect.stringContaining('csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].startPeriod'), extensions: { code: 'BAD_USER_INPUT' } });
    const clear = `mutation { clearChargingProfile(identity: "${IDENTITY}", id: 20) { status } }`;
    expect(await graphql(clear)).toEqual({ data: { clearChargingProfile: { status: 'Accepted' } } });
  });

  it('TC_067: ClearChargingProfile by id or by criteria removes what the wallbox removed; nothing matching is Unknown', async () => {
    await expect.poll(async () => (await installed()).map((each) => each.chargingProfileId), { timeout: SLOW_MS }).toEqual([4, 1]);
    expect(await api('charging-profiles?id=4', 'DELETE')).toEqual({ status: 200, body: { status: 'Accepted' } });
    expect(calls.at(-1)).toEqual({ action: 'ClearChargingProfile', payload: { id: 4 } });
    expect(await api('charging-profiles?id=4', 'DELETE')).toEqual({ status: 200, body: { status: 'Unknown' } });
    expect(await api('charging-profiles?connectorId=2&purpose=TxDefaultProfile', 'DELETE')).toEqual({ status: 200, body: { status: 'Unknown' } });
    expect(await api('charging-profiles?connectorId=1&purpose=TxDefaultProfile&stackLevel=0', 'DELETE')).toEqual({ status: 200, body: { status: 'Accepted' } });
    expect(wallbox.chargingProfiles).toEqual([]);
    await expect.poll(installed, { timeout: SLOW_MS }).toEqual([]);
  });

  it('a TxProfile for a transaction that is not running is relayed Rejected and not shown as installed', async () => {
    expect(await setProfile(1, txProfile(5, 3700, 424242))).toEqual({ status: 200, body: { status: 'Rejected' } });
    expect(await setProfile(1, absolute(6, 'TxDefaultProfile', [[0, 9_000]]))).toEqual({ status: 200, body: { status: 'Accepted' } });
    await expect.poll(async () => (await installed()).map((each) => each.chargingProfileId), { timeout: SLOW_MS }).toEqual([6]);
  });

  describe('bad input is 400 naming the field, and nothing reaches the wallbox', () => {
    const gaps = { ...absolute(7, 'TxDefaultProfile', [[0, 11_000]]), chargingSchedule: schedule([[60, 11_000], [600, 7_000]], new Date().toISOString()) };
    const overlap = { ...absolute(7, 'TxDefaultProfile', [[0, 11_000]]), chargingSchedule: schedule([[0, 11_000], [600, 7_000], [600, 3_000]], new Date().toISOString()) };
    const cases: [string, string, string, unknown, string][] = [
      ['a profile with a gap before its first period', 'charging-profiles', 'PUT', { connectorId: 1, csChargingProfiles: gaps }, 'csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].startPeriod must be 0'],
      ['periods that overlap', 'charging-profiles', 'PUT', { connectorId: 1, csChargingProfiles: overlap }, 'csChargingProfiles.chargingSchedule.chargingSchedulePeriod[2].startPeriod'],
      ['a TxProfile without a transaction', 'charging-profiles', 'PUT', { connectorId: 1, csChargingProfiles: txProfile(8, 3700) }, 'csChargingProfiles.transactionId is required'],
      ['a ChargePointMaxProfile on a connector', 'charging-profiles', 'PUT', { connectorId: 1, csChargingProfiles: absolute(9, 'ChargePointMaxProfile', [[0, 1]]) }, 'connectorId must be 0'],
      ['an unknown connector', 'charging-profiles', 'PUT', { connectorId: 9, csChargingProfiles: absolute(10, 'TxDefaultProfile', [[0, 1]]) }, 'connectorId 9'],
      ['a field OCPP does not know', 'charging-profiles', 'PUT', { connectorId: 1, csChargingProfiles: { ...absolute(11, 'TxDefaultProfile', [[0, 1]]), colour: 'red' } }, 'csChargingProfiles.colour'],
      ['a limit with two decimals', 'charging-profiles', 'PUT', { connectorId: 1, csChargingProfiles: absolute(12, 'TxDefaultProfile', [[0, 1.25]]) }, 'csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].limit'],
      ['a profile that is not an object', 'charging-profiles', 'PUT', { connectorId: 1, csChargingProfiles: 'fast' }, 'csChargingProfiles'],
      ['a remote start with a TxDefaultProfile', 'remote-start', 'POST', { idTag: 'FLEET-9', chargingProfile: absolute(13, 'TxDefaultProfile', [[0, 1]]) }, 'chargingProfile.chargingProfilePurpose'],
      ['a remote start whose TxProfile names a transaction', 'remote-start', 'POST', { idTag: 'FLEET-9', chargingProfile: txProfile(14, 1, 5) }, 'chargingProfile.transactionId must be absent'],
      ['a composite schedule of no duration', 'composite-schedule?connectorId=1&duration=0', 'GET', undefined, 'duration'],
      ['a composite schedule of an unknown connector', 'composite-schedule?connectorId=9&duration=60', 'GET', undefined, 'connectorId 9'],
      ['a clear of a negative stack level', 'charging-profiles?stackLevel=-1', 'DELETE', undefined, 'stackLevel'],
      ['a clear of an unknown purpose', 'charging-profiles?purpose=Fastest', 'DELETE', undefined, 'purpose'],
    ];
    it.each(cases)('%s', async (_name, path, method, body, field) => {
      const before = calls.length;
      const answer = await api<ErrorBody>(path, method, body);
      expect(answer.status).toBe(400);
      expect([answer.body.message].flat().join('; ')).toContain(field);
      expect(calls.length).toBe(before);
    });
  });

  it('a command to a charge point that is offline is 409', async () => {
    const parked = await adoptedWallbox(system, 'SMART-OFFLINE', { startMode: 'anyTag' });
    await parked.close();
    const path = '/api/charge-points/SMART-OFFLINE';
    await expect
      .poll(async () => (await system.api(`${path}/charging-profiles`, { method: 'PUT', body: { connectorId: 1, csChargingProfiles: absolute(1, 'TxDefaultProfile', [[0, 1]]) } })).status, { timeout: SLOW_MS })
      .toBe(409);
    expect((await system.api(`${path}/charging-profiles?id=1`, { method: 'DELETE' })).status).toBe(409);
    expect((await system.api(`${path}/composite-schedule?connectorId=1&duration=60`)).status).toBe(409);
  });
});
