import { useEffect, useRef } from 'react';
import { useClient } from 'urql';
import { CHARGE_POINT_CHANGED } from './api/documents';
import type { ChargePoint } from './api/types';

/** Changes arriving faster are handed over together: 1,000 a second are four renders, not 1,000. */
const FLUSH_MS = 250;

/**
 * Follows the API's chargePointChanged subscription (one charge point's, or every one's) and hands
 * the newest state of each charge point that changed to onChanges, a batch at most every 250 ms.
 */
export function useLiveChargePoints(identity: string | undefined, onChanges: (changes: Map<string, ChargePoint>) => void, enabled = true): void {
  const client = useClient();
  const handler = useRef(onChanges);
  useEffect(() => {
    handler.current = onChanges;
  });

  useEffect(() => {
    if (!enabled) return;
    let buffered = new Map<string, ChargePoint>();
    // One charge point's starts with its state now: nothing changed between the page's read and this is lost.
    const variables = { identity, current: identity !== undefined };
    const subscription = client.subscription<{ chargePointChanged: ChargePoint }>(CHARGE_POINT_CHANGED, variables).subscribe((result) => {
      const changed = result.data?.chargePointChanged;
      if (changed) buffered.set(changed.identity, changed);
    });
    const flushing = setInterval(() => {
      if (buffered.size === 0) return;
      const changes = buffered;
      buffered = new Map();
      handler.current(changes);
    }, FLUSH_MS);
    return () => {
      subscription.unsubscribe();
      clearInterval(flushing);
    };
  }, [client, identity, enabled]);
}

/** Calls `run` at most once per interval; a call in between is remembered and runs when the interval is over. */
export function useThrottled(run: () => void, intervalMs: number): () => void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  const state = useRef({ last: 0, timer: 0 });
  useEffect(() => () => clearTimeout(state.current.timer), []);
  return () => {
    const wait = state.current.last + intervalMs - Date.now();
    if (state.current.timer) return;
    if (wait <= 0) {
      state.current.last = Date.now();
      latest.current();
      return;
    }
    state.current.timer = window.setTimeout(() => {
      state.current = { last: Date.now(), timer: 0 };
      latest.current();
    }, wait);
  };
}
