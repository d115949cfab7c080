import { describe, expect, it } from 'vitest';
import { LISTED_RESERVATIONS, withReservation } from './live-reservations';

const reservation = (reservationId: number, status = 'accepted') => ({ reservationId, status });

describe('a charge point’s reservations, kept live', () => {
  it('a changed reservation takes the place of the one with its id', () => {
    expect(withReservation([reservation(3), reservation(2, 'requested'), reservation(1)], reservation(2, 'cancelled'))).toEqual([
      reservation(3),
      reservation(2, 'cancelled'),
      reservation(1),
    ]);
  });

  it('a new reservation joins the list, newest first, and the oldest beyond the listed ones drop out', () => {
    const listed = Array.from({ length: LISTED_RESERVATIONS }, (_, index) => reservation(LISTED_RESERVATIONS - index));
    const after = withReservation(listed, reservation(LISTED_RESERVATIONS + 1, 'requested'));
    expect(after).toHaveLength(LISTED_RESERVATIONS);
    expect(after[0]).toEqual(reservation(LISTED_RESERVATIONS + 1, 'requested'));
    expect(after.at(-1)).toEqual(reservation(2));
  });

  it('the first of a subscription’s values arriving newest first still lists newest first', () => {
    expect([reservation(5), reservation(4)].reduce(withReservation, [] as ReturnType<typeof reservation>[])).toEqual([reservation(5), reservation(4)]);
  });
});
