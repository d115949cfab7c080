/** How many of a charge point's reservations its page lists: the newest. */
export const LISTED_RESERVATIONS = 20;

/** The list after a reservation changed: it takes the place of the one with its id, or joins the list; newest (highest id) first. */
export function withReservation<R extends { reservationId: number }>(listed: readonly R[], changed: R): R[] {
  const others = listed.filter(({ reservationId }) => reservationId !== changed.reservationId);
  return [changed, ...others].sort((a, b) => b.reservationId - a.reservationId).slice(0, LISTED_RESERVATIONS);
}
