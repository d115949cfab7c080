import { describe, expect, it } from 'vitest';
import { eventSubject } from './event-subjects';
import { createEvent } from './events';
import { subjectsFor } from './subjects';

const subjects = subjectsFor('');
const at = new Date(0);
const settings = { startMode: 'anyTag' as const, relaxations: [], autoStartIdTag: null, passwordHash: null, description: null };

describe('eventSubject', () => {
  it("stores a wallbox's events on a subject per charge point and type, as before", () => {
    expect(eventSubject(subjects, createEvent('HeartbeatReceived', {}, 'CP.1', at))).toBe('vs.evt.station.CP%2E1.HeartbeatReceived');
  });

  it("stores every operator decision about a charge point on the one subject of its registration", () => {
    for (const event of [
      createEvent('ChargePointAdopted', settings, 'CP.1', at),
      createEvent('LocalTagRemoved', { idTag: 'AA' }, 'CP.1', at),
      createEvent('ChargePointForgotten', {}, 'CP.1', at),
    ]) {
      expect(eventSubject(subjects, event)).toBe('vs.evt.registry.CP%2E1.registration');
    }
    expect(subjects.registrationHistory('CP.1')).toBe('vs.evt.registry.CP%2E1.*');
  });

  it('stores a central tag on a subject of its own, any id tag one token', () => {
    const tag = { idTag: 'A b.*>%', firstName: '', lastName: '', email: '', info: '', expiresAt: null, blocked: false, parentIdTag: null };
    const subject = 'vs.evt.tags.A%20b%2E%2A%3E%25.entry';
    expect(eventSubject(subjects, createEvent('TagSaved', { tag }, null, at))).toBe(subject);
    expect(eventSubject(subjects, createEvent('TagRemoved', { idTag: tag.idTag }, null, at))).toBe(subject);
  });
});
