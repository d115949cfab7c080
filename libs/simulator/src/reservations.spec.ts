import { describe, expect, it } from 'vitest';
import { createConnectors, type ConnectorState } from './connectors';
import { mayUse, ReservationBook, type Reservation } from './reservations';

const reservation = (changes: Partial<Reservation> = {}): Reservation => ({ id: 1, connectorId: 1, idTag: 'CARD', parentIdTag: undefined, expiresAt: 10_000, ...changes });

function connectors(...changes: Partial<ConnectorState>[]): ConnectorState[] {
  const all = createConnectors(changes.length);
  changes.forEach((change, index) => Object.assign(all[index + 1] as ConnectorState, change));
  return all;
}

describe('the answer to ReserveNow, by the state of the connector', () => {
  it('Accepted when available; Faulted, Unavailable, Occupied otherwise', () => {
    const book = new ReservationBook();
    const state = connectors({}, { status: 'Faulted' }, { operative: false, status: 'Unavailable' }, { status: 'Charging', transaction: { id: 5, idTag: 'X', meterStartWh: 0, startedAt: 0 } }, { status: 'Preparing' });
    expect([1, 2, 3, 4, 5].map((id) => book.statusFor(state, id))).toEqual(['Accepted', 'Faulted', 'Unavailable', 'Occupied', 'Occupied']);
  });

  it('Occupied when another reservation holds the connector; Rejected for a connector it does not have', () => {
    const book = new ReservationBook();
    book.add(reservation());
    expect(book.statusFor(connectors({}), 1)).toBe('Occupied');
    expect(book.statusFor(connectors({}), 2)).toBe('Rejected');
  });

  it('connector 0: Accepted while a free connector is left beyond those held for any connector', () => {
    const book = new ReservationBook();
    const state = connectors({}, {});
    expect(book.statusFor(state, 0)).toBe('Accepted');
    book.add(reservation({ connectorId: 0 }));
    book.add(reservation({ id: 2, connectorId: 0 }));
    expect(book.statusFor(state, 0)).toBe('Occupied');
    expect(new ReservationBook().statusFor(connectors({ status: 'Faulted' }, { status: 'Faulted' }), 0)).toBe('Faulted');
    expect(new ReservationBook().statusFor(connectors({ operative: false }, { status: 'Unavailable' }), 0)).toBe('Unavailable');
  });
});

describe('who may start where', () => {
  it('the reserving tag, or one with the reservation’s parent, uses a reservation; another tag does not', () => {
    const held = reservation({ parentIdTag: 'FLEET' });
    expect(mayUse(held, 'CARD', undefined)).toBe(true);
    expect(mayUse(held, 'OTHER', 'FLEET')).toBe(true);
    expect(mayUse(held, 'OTHER', 'ELSEWHERE')).toBe(false);
    expect(mayUse(reservation(), 'OTHER', undefined)).toBe(false);
  });

  it('a reserved connector is refused to other tags; the other connectors are not', () => {
    const book = new ReservationBook();
    const held = reservation();
    book.add(held);
    const state = connectors({ status: 'Reserved' }, {});
    expect(book.verdict(state, 1, 'CARD', undefined)).toEqual({ allowed: true, uses: held });
    expect(book.verdict(state, 1, 'OTHER', undefined)).toEqual({ allowed: false, reservation: held });
    expect(book.verdict(state, 2, 'OTHER', undefined)).toEqual({ allowed: true, uses: undefined });
  });

  it('a reservation of connector 0: its tag starts on any connector; another tag only while a free one is left for it', () => {
    const book = new ReservationBook();
    const held = reservation({ connectorId: 0 });
    book.add(held);
    expect(book.verdict(connectors({}, {}), 2, 'CARD', undefined)).toEqual({ allowed: true, uses: held });
    expect(book.verdict(connectors({}, {}), 2, 'OTHER', undefined)).toEqual({ allowed: true, uses: undefined });
    const oneLeft = connectors({}, { status: 'Charging', transaction: { id: 5, idTag: 'X', meterStartWh: 0, startedAt: 0 } });
    expect(book.verdict(oneLeft, 1, 'OTHER', undefined)).toEqual({ allowed: false, reservation: held });
  });

  it('reservations end at their expiry', () => {
    const book = new ReservationBook();
    book.add(reservation({ expiresAt: 5000 }));
    book.add(reservation({ id: 2, connectorId: 2, expiresAt: 9000 }));
    expect(book.expired(4999)).toEqual([]);
    expect(book.expired(5000).map((each) => each.id)).toEqual([1]);
  });
});
