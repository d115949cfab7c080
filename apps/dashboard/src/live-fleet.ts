import type { ChargePoint, FleetPage } from './api/types';

export interface FleetFilter {
  search: string;
  state: ChargePoint['state'];
  online: boolean | undefined;
}

export interface MergedPage {
  page: FleetPage;
  /** Some change may move a charge point into or out of the page, or changes the counts: ask the API again. */
  stale: boolean;
}

const matches = (chargePoint: ChargePoint, filter: FleetFilter) =>
  chargePoint.state === filter.state && (filter.online === undefined || chargePoint.online === filter.online);

/**
 * Live changes applied to the page shown: a charge point on it is replaced in place. One that is not on
 * it, or that no longer matches the filter, or changed the fleet's counts makes the page stale: the
 * dashboard then asks the API for the page again (at most once a second), rather than guess its place.
 */
export function mergeChanges(page: FleetPage, changes: ReadonlyMap<string, ChargePoint>, filter: FleetFilter): MergedPage {
  let stale = false;
  const items = page.items.map((shown) => {
    const changed = changes.get(shown.identity);
    if (!changed) return shown;
    if (!matches(changed, filter) || changed.online !== shown.online || changed.state !== shown.state) stale = true;
    return changed;
  });
  const shown = new Set(page.items.map(({ identity }) => identity));
  for (const identity of changes.keys()) if (!shown.has(identity)) stale = true;
  return { page: { ...page, items }, stale };
}

/**
 * A fleet page kept live without a gap. The fleetChanged subscription first says that it follows the
 * changes and that the API's read models hold every earlier one: only then is the page read, and every
 * change that arrives from the moment a read is asked for until its answer is applied on that answer
 * too, since the read may have been made before it. Changes before the subscription follows are in the
 * read that comes after; none falls between.
 */
export interface LiveFleet {
  /** What is shown: the last read with the changes since applied; null before the first read. */
  page: FleetPage | null;
  /** The changes since the read in flight was asked for; null when no read is in flight. */
  sinceRead: Map<string, ChargePoint> | null;
}

export const NOT_READ: LiveFleet = { page: null, sinceRead: null };

/** A read is asked for: changes are recorded for its answer from now on (and still since an earlier one in flight). */
export function readAsked(live: LiveFleet): LiveFleet {
  return { ...live, sinceRead: live.sinceRead ?? new Map() };
}

/** Changes arrived: applied on the page shown, and kept for the answer of a read in flight. */
export function changesArrived(live: LiveFleet, changes: ReadonlyMap<string, ChargePoint>, filter: FleetFilter): { live: LiveFleet; stale: boolean } {
  const sinceRead = live.sinceRead && new Map([...live.sinceRead, ...changes]);
  if (!live.page) return { live: { page: null, sinceRead }, stale: false };
  const merged = mergeChanges(live.page, changes, filter);
  return { live: { page: merged.page, sinceRead }, stale: merged.stale };
}

/** A read's answer: shown with every change since it was asked for applied on it. */
export function readAnswered(live: LiveFleet, read: FleetPage, filter: FleetFilter): { live: LiveFleet; stale: boolean } {
  const merged = mergeChanges(read, live.sinceRead ?? new Map(), filter);
  return { live: { page: merged.page, sinceRead: null }, stale: merged.stale };
}
