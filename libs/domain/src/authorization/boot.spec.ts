import { describe, expect, it } from 'vitest';
import { createEvent } from '@voltstream/contracts';
import { RegistryView } from '../registry';
import { decideBoot } from './boot';

const now = new Date('2026-03-01T12:00:00Z');
const adoptedView = () => {
  const view = new RegistryView();
  view.apply(
    createEvent('ChargePointAdopted', { startMode: 'localList', relaxations: [], autoStartIdTag: null, passwordHash: null, description: null }, 'CP-1', now),
  );
  return view;
};

describe('decideBoot (SPEC §3)', () => {
  it.each(['pending', 'accept', 'reject'] as const)('accepts an adopted charge point under the %s policy, with no events', (policy) => {
    expect(decideBoot(adoptedView().registration('CP-1'), policy, 'centralList', 300, 'CP-1', now)).toEqual({
      reply: { status: 'Accepted', interval: 300 },
      events: [],
    });
  });

  it('answers Pending to an unknown charge point under the pending policy', () => {
    expect(decideBoot(undefined, 'pending', 'centralList', 300, 'NEW', now)).toEqual({ reply: { status: 'Pending', interval: 300 }, events: [] });
  });

  it('answers Rejected to an unknown charge point under the reject policy', () => {
    expect(decideBoot(undefined, 'reject', 'centralList', 60, 'NEW', now)).toEqual({ reply: { status: 'Rejected', interval: 60 }, events: [] });
  });

  it('adopts an unknown charge point with the default start mode under the accept policy', () => {
    expect(decideBoot(undefined, 'accept', 'anyTag', 120, 'NEW', now)).toEqual({
      reply: { status: 'Accepted', interval: 120 },
      events: [
        createEvent('ChargePointAdopted', { startMode: 'anyTag', relaxations: [], autoStartIdTag: null, passwordHash: null, description: null }, 'NEW', now),
      ],
    });
  });
});
