import { describe, expect, it } from 'vitest';
import { subjectsFor } from '@voltstream/contracts';
import { addressFromSubject } from './parked-events';

const subjects = subjectsFor('t1');

describe('addressFromSubject', () => {
  it('reads the charge point and the event type of a station event', () => {
    expect(addressFromSubject(7, subjects.event('station', 'CP.1*', 'ConnectorStatusChanged'))).toEqual({ sequence: 7, eventType: 'ConnectorStatusChanged', chargePoint: 'CP.1*' });
  });

  it('reads the charge point of a registration, whose subject names no event type', () => {
    expect(addressFromSubject(8, subjects.registration('CP-2'))).toEqual({ sequence: 8, eventType: null, chargePoint: 'CP-2' });
  });

  it('names no charge point for a central tag list entry', () => {
    expect(addressFromSubject(9, subjects.centralTag('CARD.1'))).toEqual({ sequence: 9, eventType: null, chargePoint: null });
    expect(addressFromSubject(10, 't1.vs.evt.tags.TagSaved')).toEqual({ sequence: 10, eventType: 'TagSaved', chargePoint: null });
  });
});
