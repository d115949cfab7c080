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
