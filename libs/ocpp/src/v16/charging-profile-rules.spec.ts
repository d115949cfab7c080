import { describe, expect, it } from 'vitest';
import { chargingProfileViolation, type ChargingProfileUse } from './charging-profile-rules';
import type { ChargingProfile } from './types';

const txDefault: ChargingProfile = {
  chargingProfileId: 1,
  stackLevel: 0,
  chargingProfilePurpose: 'TxDefaultProfile',
  chargingProfileKind: 'Absolute',
  chargingSchedule: {
    startSchedule: '2026-12-01T00:00:00Z',
    duration: 3600,
    chargingRateUnit: 'W',
    chargingSchedulePeriod: [
      { startPeriod: 0, limit: 11000, numberPhases: 3 },
      { startPeriod: 1800, limit: 3700 },
    ],
  },
};
const onConnector1: ChargingProfileUse = { kind: 'setChargingProfile', connectorId: 1 };

function given(changes: Partial<ChargingProfile>, schedule: Partial<ChargingProfile['chargingSchedule']> = {}): ChargingProfile {
  return { ...txDefault, ...changes, chargingSchedule: { ...txDefault.chargingSchedule, ...schedule } };
}

describe('chargingProfileViolation (OCPP 1.6 §3.13, §5.16, §7.8)', () => {
  it('accepts a well-formed TxDefaultProfile, TxProfile, ChargePointMaxProfile and Recurring profile', () => {
    expect(chargingProfileViolation(txDefault, onConnector1)).toBeUndefined();
    expect(chargingProfileViolation(given({ chargingProfilePurpose: 'TxProfile', transactionId: 7 }), onConnector1)).toBeUndefined();
    expect(chargingProfileViolation(given({ chargingProfilePurpose: 'ChargePointMaxProfile' }), { kind: 'setChargingProfile', connectorId: 0 })).toBeUndefined();
    expect(chargingProfileViolation(given({ chargingProfileKind: 'Recurring', recurrencyKind: 'Daily' }), onConnector1)).toBeUndefined();
    expect(chargingProfileViolation(given({ chargingProfileKind: 'Relative' }, { startSchedule: undefined }), onConnector1)).toBeUndefined();
    expect(chargingProfileViolation(given({ chargingProfilePurpose: 'TxProfile' }), { kind: 'remoteStart' })).toBeUndefined();
  });

  describe('periods', () => {
    const periods = (...starts: number[]) => given({}, { chargingSchedulePeriod: starts.map((startPeriod) => ({ startPeriod, limit: 16 })) });

    it('a first period after 0 leaves a gap at the start of the schedule', () => {
      expect(chargingProfileViolation(periods(60, 120), onConnector1)).toEqual({
        field: 'csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].startPeriod',
        reason: 'must be 0: the periods leave a gap at the start of the schedule',
      });
    });

    it('periods repeated or out of order overlap', () => {
      expect(chargingProfileViolation(periods(0, 600, 600), onConnector1)?.field).toBe('csChargingProfiles.chargingSchedule.chargingSchedulePeriod[2].startPeriod');
      expect(chargingProfileViolation(periods(0, 600, 300), onConnector1)?.reason).toBe('must be greater than the startPeriod before it: periods overlap');
    });

    it('a period at or after the duration would never apply', () => {
      expect(chargingProfileViolation(periods(0, 3600), onConnector1)?.field).toBe('csChargingProfiles.chargingSchedule.chargingSchedulePeriod[1].startPeriod');
    });

    it('no period at all is refused', () => {
      expect(chargingProfileViolation(periods(), onConnector1)?.field).toBe('csChargingProfiles.chargingSchedule.chargingSchedulePeriod');
    });

    it('a negative limit and a number of phases outside 1–3 are refused', () => {
      const negative = given({}, { chargingSchedulePeriod: [{ startPeriod: 0, limit: -1 }] });
      expect(chargingProfileViolation(negative, onConnector1)?.field).toBe('csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].limit');
      for (const numberPhases of [0, 4]) {
        const phases = given({}, { chargingSchedulePeriod: [{ startPeriod: 0, limit: 16, numberPhases }] });
        expect(chargingProfileViolation(phases, onConnector1)).toEqual({
          field: 'csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].numberPhases',
          reason: 'must be 1, 2 or 3',
        });
      }
    });
  });

  describe('purposes', () => {
    it('a TxProfile needs a transaction and a connector', () => {
      expect(chargingProfileViolation(given({ chargingProfilePurpose: 'TxProfile' }), onConnector1)?.field).toBe('csChargingProfiles.transactionId');
      const profile = given({ chargingProfilePurpose: 'TxProfile', transactionId: 7 });
      expect(chargingProfileViolation(profile, { kind: 'setChargingProfile', connectorId: 0 })?.field).toBe('connectorId');
    });

    it('a ChargePointMaxProfile is for connector 0 only, without a transaction, never Relative', () => {
      const max = given({ chargingProfilePurpose: 'ChargePointMaxProfile' });
      expect(chargingProfileViolation(max, onConnector1)?.field).toBe('connectorId');
      expect(chargingProfileViolation({ ...max, transactionId: 7 }, { kind: 'setChargingProfile', connectorId: 0 })?.field).toBe('csChargingProfiles.transactionId');
      const relative = given({ chargingProfilePurpose: 'ChargePointMaxProfile', chargingProfileKind: 'Relative' }, { startSchedule: undefined });
      expect(chargingProfileViolation(relative, { kind: 'setChargingProfile', connectorId: 0 })?.field).toBe('csChargingProfiles.chargingProfileKind');
    });

    it('a TxDefaultProfile names no transaction', () => {
      expect(chargingProfileViolation(given({ transactionId: 7 }), onConnector1)?.field).toBe('csChargingProfiles.transactionId');
    });

    it('with a remote start, only a TxProfile without a transaction id', () => {
      expect(chargingProfileViolation(txDefault, { kind: 'remoteStart' })?.field).toBe('chargingProfile.chargingProfilePurpose');
      const withTransaction = given({ chargingProfilePurpose: 'TxProfile', transactionId: 7 });
      expect(chargingProfileViolation(withTransaction, { kind: 'remoteStart' })?.field).toBe('chargingProfile.transactionId');
    });

    it('a negative connector, profile id or stack level is refused', () => {
      expect(chargingProfileViolation(txDefault, { kind: 'setChargingProfile', connectorId: -1 })?.field).toBe('connectorId');
      expect(chargingProfileViolation(given({ chargingProfileId: -1 }), onConnector1)?.field).toBe('csChargingProfiles.chargingProfileId');
      expect(chargingProfileViolation(given({ stackLevel: -1 }), onConnector1)?.field).toBe('csChargingProfiles.stackLevel');
    });

    it('ids, levels and seconds beyond 32 bits are refused', () => {
      expect(chargingProfileViolation(given({ chargingProfileId: 2 ** 31 }), onConnector1)).toEqual({ field: 'csChargingProfiles.chargingProfileId', reason: 'must be at most 2147483647' });
      expect(chargingProfileViolation(given({ chargingProfilePurpose: 'TxProfile', transactionId: 2 ** 40 }), onConnector1)?.field).toBe('csChargingProfiles.transactionId');
      expect(chargingProfileViolation(given({}, { duration: 2 ** 31 }), onConnector1)?.field).toBe('csChargingProfiles.chargingSchedule.duration');
      expect(chargingProfileViolation(txDefault, { kind: 'setChargingProfile', connectorId: 2 ** 31 })?.field).toBe('connectorId');
    });
  });

  describe('kinds and validity', () => {
    it('Recurring needs a recurrencyKind and a start, and lasts at most one recurrence', () => {
      expect(chargingProfileViolation(given({ chargingProfileKind: 'Recurring' }), onConnector1)?.field).toBe('csChargingProfiles.recurrencyKind');
      const noStart = given({ chargingProfileKind: 'Recurring', recurrencyKind: 'Daily' }, { startSchedule: undefined });
      expect(chargingProfileViolation(noStart, onConnector1)?.field).toBe('csChargingProfiles.chargingSchedule.startSchedule');
      const tooLong = given({ chargingProfileKind: 'Recurring', recurrencyKind: 'Daily' }, { duration: 86_401 });
      expect(chargingProfileViolation(tooLong, onConnector1)?.field).toBe('csChargingProfiles.chargingSchedule.duration');
    });

    it('recurrencyKind is only for Recurring; Absolute needs a start; Relative has none', () => {
      expect(chargingProfileViolation(given({ recurrencyKind: 'Weekly' }), onConnector1)?.field).toBe('csChargingProfiles.recurrencyKind');
      expect(chargingProfileViolation(given({}, { startSchedule: undefined }), onConnector1)?.field).toBe('csChargingProfiles.chargingSchedule.startSchedule');
      expect(chargingProfileViolation(given({ chargingProfileKind: 'Relative' }), onConnector1)?.field).toBe('csChargingProfiles.chargingSchedule.startSchedule');
    });

    it('validFrom must come before validTo', () => {
      const profile = given({ validFrom: '2026-12-02T00:00:00Z', validTo: '2026-12-01T00:00:00Z' });
      expect(chargingProfileViolation(profile, onConnector1)).toEqual({ field: 'csChargingProfiles.validTo', reason: 'must be after validFrom' });
    });

    it('a duration under 1 s and a negative minChargingRate are refused', () => {
      expect(chargingProfileViolation(given({}, { duration: 0 }), onConnector1)?.field).toBe('csChargingProfiles.chargingSchedule.duration');
      expect(chargingProfileViolation(given({}, { minChargingRate: -0.1 }), onConnector1)?.field).toBe('csChargingProfiles.chargingSchedule.minChargingRate');
    });
  });
});
