import { describe, expect, it } from 'vitest';
import { createEvent, type StartMode } from '@voltstream/contracts';
import { RegistryView } from '../registry';
import { AUTO_START_MAX_EVENT_AGE_MS, decideAutoStart, DEFAULT_AUTO_START_ID_TAG } from './auto-start';

const now = new Date('2026-03-01T12:00:00Z');
const CP = 'CP-1';

const registrationWith = (startMode: StartMode, autoStartIdTag: string | null = null) => {
  const view = new RegistryView();
  view.apply(createEvent('ChargePointAdopted', { startMode, relaxations: [], autoStartIdTag, passwordHash: null, description: null }, CP, now));
  return view.registration(CP);
};
const statusChanged = (status: string, connectorId = 1, recordedAt = now) =>
  createEvent('ConnectorStatusChanged', { connectorId, status, errorCode: 'NoError' }, CP, recordedAt);

describe('decideAutoStart (SPEC §4, start mode auto)', () => {
  it('starts a connector that turns Preparing with the charge point autoStartIdTag', () => {
    expect(decideAutoStart(statusChanged('Preparing', 2), registrationWith('auto', 'FLEET-CAR'), undefined, now)).toEqual({
      action: 'RemoteStartTransaction',
      payload: { connectorId: 2, idTag: 'FLEET-CAR' },
    });
  });

  it(`uses ${DEFAULT_AUTO_START_ID_TAG} when the charge point has no autoStartIdTag`, () => {
    expect(decideAutoStart(statusChanged('Preparing'), registrationWith('auto'), undefined, now)?.payload.idTag).toBe('AUTO');
  });

  it('does nothing when a transaction is active on the connector', () => {
    expect(decideAutoStart(statusChanged('Preparing'), registrationWith('auto'), 17, now)).toBeUndefined();
  });

  it.each(['Available', 'Charging', 'Finishing', 'SuspendedEV', 'Unavailable', 'Faulted'])('does nothing on status %s', (status) => {
    expect(decideAutoStart(statusChanged(status), registrationWith('auto'), undefined, now)).toBeUndefined();
  });

  it.each(['anyTag', 'centralList', 'localList', 'bothLists'] as const)('does nothing in start mode %s', (mode) => {
    expect(decideAutoStart(statusChanged('Preparing'), registrationWith(mode), undefined, now)).toBeUndefined();
  });

  it('does nothing for a discovered charge point', () => {
    expect(decideAutoStart(statusChanged('Preparing'), undefined, undefined, now)).toBeUndefined();
  });

  it('does nothing for connector 0, the charge point as a whole', () => {
    expect(decideAutoStart(statusChanged('Preparing', 0), registrationWith('auto'), undefined, now)).toBeUndefined();
  });

  it('does nothing for a status recorded too long ago to still mean a waiting vehicle', () => {
    const old = new Date(now.getTime() - AUTO_START_MAX_EVENT_AGE_MS - 1);
    expect(decideAutoStart(statusChanged('Preparing', 1, old), registrationWith('auto'), undefined, now)).toBeUndefined();
    const recent = new Date(now.getTime() - AUTO_START_MAX_EVENT_AGE_MS);
    expect(decideAutoStart(statusChanged('Preparing', 1, recent), registrationWith('auto'), undefined, now)).toBeDefined();
  });
});
