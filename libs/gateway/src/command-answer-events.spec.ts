import { describe, expect, it } from 'vitest';
import { parseEvent, type WallboxCommandReply } from '@voltstream/contracts';
import { commandAnswerEvent } from './command-answer-events';

const AT = new Date('2026-12-04T10:00:00.000Z');
const profile = {
  chargingProfileId: 3,
  transactionId: 7,
  stackLevel: 1,
  chargingProfilePurpose: 'TxProfile',
  chargingProfileKind: 'Relative',
  chargingSchedule: { chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 3700 }] },
};
const answered = (status: string): WallboxCommandReply => ({ outcome: 'result', payload: { status } });

describe('commandAnswerEvent: what an answer of the wallbox records', () => {
  it('SetChargingProfile Accepted records the profile on its connector, an event that fits its contract', () => {
    const event = commandAnswerEvent('CP-1', 'SetChargingProfile', { connectorId: 1, csChargingProfiles: profile }, answered('Accepted'), AT);
    expect(event).toEqual({
      type: 'ChargingProfileSet',
      version: 1,
      data: { connectorId: 1, chargingProfile: profile },
      metadata: { chargePoint: 'CP-1', recordedAt: AT.toISOString() },
    });
    expect(parseEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it('ClearChargingProfile Accepted records the criteria as sent', () => {
    const event = commandAnswerEvent('CP-1', 'ClearChargingProfile', { connectorId: 1, chargingProfilePurpose: 'TxProfile' }, answered('Accepted'), AT);
    expect(event?.data).toEqual({ connectorId: 1, chargingProfilePurpose: 'TxProfile' });
  });

  it('a remote start Accepted with a profile records it for the transaction it begins, on connector 0 when it named none', () => {
    const { transactionId: _none, ...withoutTransaction } = profile;
    const event = commandAnswerEvent('CP-1', 'RemoteStartTransaction', { idTag: 'CARD', chargingProfile: withoutTransaction }, answered('Accepted'), AT);
    expect(event?.data).toEqual({ connectorId: 0, chargingProfile: withoutTransaction, remoteStartIdTag: 'CARD' });
    expect(commandAnswerEvent('CP-1', 'RemoteStartTransaction', { idTag: 'CARD' }, answered('Accepted'), AT)).toBeUndefined();
  });

  it('records nothing for Rejected, Unknown, NotSupported, a CALLERROR, a timeout, or another action', () => {
    const request = { connectorId: 1, csChargingProfiles: profile };
    for (const status of ['Rejected', 'NotSupported']) expect(commandAnswerEvent('CP-1', 'SetChargingProfile', request, answered(status), AT)).toBeUndefined();
    expect(commandAnswerEvent('CP-1', 'ClearChargingProfile', {}, answered('Unknown'), AT)).toBeUndefined();
    expect(commandAnswerEvent('CP-1', 'SetChargingProfile', request, { outcome: 'timeout' }, AT)).toBeUndefined();
    expect(commandAnswerEvent('CP-1', 'SetChargingProfile', request, { outcome: 'callError', code: 'NotSupported', description: '', details: {} }, AT)).toBeUndefined();
    expect(commandAnswerEvent('CP-1', 'Reset', { type: 'Soft' }, answered('Accepted'), AT)).toBeUndefined();
  });
});
