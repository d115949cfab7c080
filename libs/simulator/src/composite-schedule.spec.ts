import { describe, expect, it } from 'vitest';
import { clearProfiles, installProfile, withoutTransaction, type ChargingProfile, type InstalledProfile, type ProfileLimits } from './charging-profiles';
import { compositeSchedule, limitAt, MAX_COMPOSITE_PERIODS } from './composite-schedule';

const NOW = Date.parse('2026-12-04T10:00:00Z');
const MAX_W = 22_000;

function profile(changes: Partial<ChargingProfile> & Pick<ChargingProfile, 'chargingProfileId' | 'chargingProfilePurpose'>, periods: [number, number][] = [[0, 11_000]]): ChargingProfile {
  return {
    stackLevel: 0,
    chargingProfileKind: 'Absolute',
    ...changes,
    chargingSchedule: {
      startSchedule: new Date(NOW).toISOString(),
      chargingRateUnit: 'W',
      ...changes.chargingSchedule,
      chargingSchedulePeriod: periods.map(([startPeriod, limit]) => ({ startPeriod, limit })),
    },
  };
}

const limits: ProfileLimits = { connectorCount: 2, maxStackLevel: 8, maxPeriods: 24, transactionOn: (connectorId) => (connectorId === 1 ? 7 : undefined) };
const onConnector1 = { connectorId: 1, transaction: { id: 7, startedAt: NOW }, maxPowerW: MAX_W };

function installAll(entries: [number, ChargingProfile][]): InstalledProfile[] {
  let installed: InstalledProfile[] = [];
  for (const [connectorId, entry] of entries) installed = installProfile(installed, connectorId, entry, limits) ?? installed;
  return installed;
}

describe('the profiles a wallbox holds (OCPP 1.6 §3.13)', () => {
  it('a profile with the id of one installed, or its purpose and stack level on its connector, replaces it', () => {
    const first = profile({ chargingProfileId: 1, chargingProfilePurpose: 'TxDefaultProfile' });
    const sameId = profile({ chargingProfileId: 1, chargingProfilePurpose: 'TxDefaultProfile', stackLevel: 3 });
    const sameLevel = profile({ chargingProfileId: 2, chargingProfilePurpose: 'TxDefaultProfile', stackLevel: 3 });
    const otherConnector = profile({ chargingProfileId: 3, chargingProfilePurpose: 'TxDefaultProfile', stackLevel: 3 });
    const installed = installAll([[1, first], [1, sameId], [1, sameLevel], [2, otherConnector]]);
    expect(installed).toEqual([{ connectorId: 1, profile: sameLevel }, { connectorId: 2, profile: otherConnector }]);
  });

  it('rejects a TxProfile for no running transaction, a ChargePointMaxProfile off connector 0, a stack level beyond its maximum', () => {
    expect(installProfile([], 1, profile({ chargingProfileId: 1, chargingProfilePurpose: 'TxProfile', transactionId: 8 }), limits)).toBeUndefined();
    expect(installProfile([], 2, profile({ chargingProfileId: 1, chargingProfilePurpose: 'TxProfile', transactionId: 7 }), limits)).toBeUndefined();
    expect(installProfile([], 1, profile({ chargingProfileId: 1, chargingProfilePurpose: 'ChargePointMaxProfile' }), limits)).toBeUndefined();
    expect(installProfile([], 1, profile({ chargingProfileId: 1, chargingProfilePurpose: 'TxDefaultProfile', stackLevel: 9 }), limits)).toBeUndefined();
    expect(installProfile([], 3, profile({ chargingProfileId: 1, chargingProfilePurpose: 'TxDefaultProfile' }), limits)).toBeUndefined();
  });

  it('clears by id, or by every criterion given; Unknown when nothing matched', () => {
    const installed = installAll([
      [0, profile({ chargingProfileId: 1, chargingProfilePurpose: 'ChargePointMaxProfile' })],
      [1, profile({ chargingProfileId: 2, chargingProfilePurpose: 'TxDefaultProfile', stackLevel: 1 })],
      [2, profile({ chargingProfileId: 3, chargingProfilePurpose: 'TxDefaultProfile', stackLevel: 1 })],
    ]);
    expect(clearProfiles(installed, { id: 2, connectorId: 2 }).left.map(({ profile: { chargingProfileId } }) => chargingProfileId)).toEqual([1, 3]);
    expect(clearProfiles(installed, { chargingProfilePurpose: 'TxDefaultProfile', stackLevel: 1 }).left).toHaveLength(1);
    expect(clearProfiles(installed, { connectorId: 2, chargingProfilePurpose: 'ChargePointMaxProfile' })).toEqual({ left: installed, status: 'Unknown' });
    expect(clearProfiles(installed, {})).toEqual({ left: [], status: 'Accepted' });
  });

  it('a TxProfile goes with its transaction', () => {
    const installed = installAll([[1, profile({ chargingProfileId: 1, chargingProfilePurpose: 'TxProfile', transactionId: 7 })]]);
    expect(withoutTransaction(installed, 7)).toEqual([]);
  });
});

describe('the composite schedule (OCPP 1.6 §3.13.5)', () => {
  it('is the lower of the ChargePointMaxProfile and the highest-stack-level profile of the transaction, period by period', () => {
    const installed = installAll([
      [0, profile({ chargingProfileId: 1, chargingProfilePurpose: 'ChargePointMaxProfile' }, [[0, 16_000], [1800, 6_000]])],
      [0, profile({ chargingProfileId: 2, chargingProfilePurpose: 'TxDefaultProfile' }, [[0, 22_000]])],
      [1, profile({ chargingProfileId: 3, chargingProfilePurpose: 'TxDefaultProfile', stackLevel: 1 }, [[0, 11_000], [600, 7_400]])],
      [1, profile({ chargingProfileId: 4, chargingProfilePurpose: 'TxProfile', transactionId: 7, stackLevel: 2 }, [[0, 3_700]])],
      [1, profile({ chargingProfileId: 5, chargingProfilePurpose: 'TxProfile', transactionId: 7, stackLevel: 1, chargingSchedule: { chargingRateUnit: 'W', chargingSchedulePeriod: [] } }, [[0, 1_000]])],
    ]);
    expect(compositeSchedule(installed, onConnector1, NOW, 3600, 'W')).toEqual({
      duration: 3600,
      chargingRateUnit: 'W',
      chargingSchedulePeriod: [{ startPeriod: 0, limit: 3_700 }],
    });
    const noTransaction = { connectorId: 1, maxPowerW: MAX_W };
    expect(compositeSchedule(installed, noTransaction, NOW, 3600, 'W').chargingSchedulePeriod).toEqual([
      { startPeriod: 0, limit: 11_000 },
      { startPeriod: 600, limit: 7_400 },
      { startPeriod: 1800, limit: 6_000 },
    ]);
    expect(compositeSchedule(installed, { connectorId: 2, maxPowerW: MAX_W }, NOW, 3600, 'W').chargingSchedulePeriod).toEqual([
      { startPeriod: 0, limit: 16_000 },
      { startPeriod: 1800, limit: 6_000 },
    ]);
  });

  it('falls back to a lower stack level when the higher schedule ends, and to the maximum when nothing runs', () => {
    const short = profile({ chargingProfileId: 1, chargingProfilePurpose: 'TxDefaultProfile', stackLevel: 2, chargingSchedule: { chargingRateUnit: 'W', chargingSchedulePeriod: [], duration: 300, startSchedule: new Date(NOW).toISOString() } }, [[0, 2_000]]);
    const long = profile({ chargingProfileId: 2, chargingProfilePurpose: 'TxDefaultProfile', stackLevel: 1, validTo: new Date(NOW + 900_000).toISOString() }, [[0, 5_000]]);
    const installed = installAll([[1, short], [1, long]]);
    expect(compositeSchedule(installed, onConnector1, NOW, 1200, 'W').chargingSchedulePeriod).toEqual([
      { startPeriod: 0, limit: 2_000 },
      { startPeriod: 300, limit: 5_000 },
      { startPeriod: 900, limit: MAX_W },
    ]);
  });

  it('converts amperes and watts (230 V, three phases unless a period says otherwise)', () => {
    const amps = profile({ chargingProfileId: 1, chargingProfilePurpose: 'TxDefaultProfile', chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [] } }, [[0, 16]]);
    const installed = installAll([[1, amps]]);
    expect(limitAt(installed, onConnector1, NOW)).toBe(16 * 230 * 3);
    expect(compositeSchedule(installed, onConnector1, NOW, 60, 'A').chargingSchedulePeriod).toEqual([{ startPeriod: 0, limit: 16 }]);
  });

  it('a Relative profile runs from the start of the transaction; a Recurring one repeats', () => {
    const relative = profile({ chargingProfileId: 1, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Relative', chargingSchedule: { chargingRateUnit: 'W', chargingSchedulePeriod: [] } }, [[0, 3_000], [600, 6_000]]);
    const startedEarlier = { ...onConnector1, transaction: { id: 7, startedAt: NOW - 300_000 } };
    expect(compositeSchedule(installAll([[1, relative]]), startedEarlier, NOW, 600, 'W').chargingSchedulePeriod).toEqual([
      { startPeriod: 0, limit: 3_000 },
      { startPeriod: 300, limit: 6_000 },
    ]);
    const dayStart = new Date(NOW - 86_400_000 * 3).toISOString();
    const daily = profile({ chargingProfileId: 2, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Recurring', recurrencyKind: 'Daily', chargingSchedule: { chargingRateUnit: 'W', chargingSchedulePeriod: [], startSchedule: dayStart } }, [[0, 4_000], [43_200, 8_000]]);
    expect(compositeSchedule(installAll([[1, daily]]), onConnector1, NOW, 86_400 * 2, 'W').chargingSchedulePeriod).toEqual([
      { startPeriod: 0, limit: 4_000 },
      { startPeriod: 43_200, limit: 8_000 },
      { startPeriod: 86_400, limit: 4_000 },
      { startPeriod: 129_600, limit: 8_000 },
    ]);
  });

  it('a schedule asked for decades of a daily profile stops at its bound', () => {
    const dayStart = new Date(NOW).toISOString();
    const daily = profile({ chargingProfileId: 2, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Recurring', recurrencyKind: 'Daily', chargingSchedule: { chargingRateUnit: 'W', chargingSchedulePeriod: [], startSchedule: dayStart } }, [[0, 4_000], [43_200, 8_000]]);
    const schedule = compositeSchedule(installAll([[1, daily]]), onConnector1, NOW, 2 ** 31 - 1, 'W');
    expect(schedule.chargingSchedulePeriod.length).toBeLessThanOrEqual(MAX_COMPOSITE_PERIODS);
    expect(schedule.chargingSchedulePeriod.length).toBeGreaterThan(100);
  });
});
