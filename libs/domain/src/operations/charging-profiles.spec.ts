import { describe, expect, it } from 'vitest';
import type { ChargingProfile } from '@voltstream/ocpp';
import { chargingProfileFailure } from './charging-profiles';
import { toWallboxCommand } from './wallbox-commands';

const txProfile: ChargingProfile = {
  chargingProfileId: 5,
  transactionId: 7,
  stackLevel: 1,
  chargingProfilePurpose: 'TxProfile',
  chargingProfileKind: 'Relative',
  chargingSchedule: { chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 3700 }] },
};

describe('chargingProfileFailure: a profile checked before it is sent', () => {
  it('passes a valid SetChargingProfile and a remote start with a TxProfile, and leaves other commands alone', () => {
    expect(chargingProfileFailure({ type: 'setChargingProfile', connectorId: 1, chargingProfile: txProfile })).toBeUndefined();
    const { transactionId: _none, ...forRemoteStart } = txProfile;
    expect(chargingProfileFailure({ type: 'remoteStart', idTag: 'CARD', chargingProfile: forRemoteStart })).toBeUndefined();
    expect(chargingProfileFailure({ type: 'reset', resetType: 'Soft' })).toBeUndefined();
  });

  it('refuses what the OCPP 1.6 schema refuses, naming the field as the body has it', () => {
    const wrongType = { ...txProfile, stackLevel: 'high' } as unknown as ChargingProfile;
    expect(chargingProfileFailure({ type: 'setChargingProfile', connectorId: 1, chargingProfile: wrongType })).toEqual({
      kind: 'invalid',
      message: expect.stringContaining('csChargingProfiles.stackLevel'),
    });
    const unknownField = { ...txProfile, colour: 'green' } as unknown as ChargingProfile;
    expect(chargingProfileFailure({ type: 'remoteStart', idTag: 'CARD', chargingProfile: unknownField })?.message).toContain('chargingProfile.colour');
  });

  it('refuses what the rules refuse: a gap in the periods, a TxProfile without a transaction, one with a remote start', () => {
    const gap = { ...txProfile, chargingSchedule: { ...txProfile.chargingSchedule, chargingSchedulePeriod: [{ startPeriod: 60, limit: 3700 }] } };
    expect(chargingProfileFailure({ type: 'setChargingProfile', connectorId: 1, chargingProfile: gap })).toEqual({
      kind: 'invalid',
      message: 'csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].startPeriod must be 0: the periods leave a gap at the start of the schedule',
    });
    const { transactionId: _none, ...noTransaction } = txProfile;
    expect(chargingProfileFailure({ type: 'setChargingProfile', connectorId: 1, chargingProfile: noTransaction })?.message).toMatch(/^csChargingProfiles\.transactionId is required/);
    expect(chargingProfileFailure({ type: 'remoteStart', idTag: 'CARD', chargingProfile: txProfile })?.message).toMatch(/^chargingProfile\.transactionId must be absent/);
  });

  it('the calls sent: SetChargingProfile, ClearChargingProfile and GetCompositeSchedule, absent fields left out', () => {
    expect(toWallboxCommand({ type: 'setChargingProfile', connectorId: 1, chargingProfile: txProfile })).toEqual({
      action: 'SetChargingProfile',
      payload: { connectorId: 1, csChargingProfiles: txProfile },
    });
    expect(toWallboxCommand({ type: 'clearChargingProfile', connectorId: 1, purpose: 'TxProfile' })).toEqual({
      action: 'ClearChargingProfile',
      payload: { connectorId: 1, chargingProfilePurpose: 'TxProfile' },
    });
    expect(toWallboxCommand({ type: 'getCompositeSchedule', connectorId: 1, duration: 3600 })).toEqual({
      action: 'GetCompositeSchedule',
      payload: { connectorId: 1, duration: 3600 },
    });
  });
});
