/** Slices closer together than this would be a burst again. */
export const MIN_DRAIN_SLICE_MS = 100;

/** One slice of a drain: the connections to close, this long after the drain began. */
export interface DrainSlice<T> {
  atMs: number;
  items: T[];
}

/**
 * How a stopping pod closes its connections over `windowMs`: in equal slices at even intervals,
 * the first at once, so that the wallboxes reconnect to the other pods spread over the window
 * instead of all at once. A window of 0 closes everything in one slice.
 */
export function drainPlan<T>(items: readonly T[], windowMs: number): DrainSlice<T>[] {
  if (items.length === 0) return [];
  const sliceCount = Math.max(1, Math.min(items.length, Math.floor(windowMs / MIN_DRAIN_SLICE_MS)));
  const sliceSize = Math.ceil(items.length / sliceCount);
  const slices: DrainSlice<T>[] = [];
  for (let start = 0; start < items.length; start += sliceSize) {
    slices.push({ atMs: Math.round((slices.length * windowMs) / sliceCount), items: items.slice(start, start + sliceSize) });
  }
  return slices;
}
