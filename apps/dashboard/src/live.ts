import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient, type TypedDocumentNode } from 'urql';
import { ChargePointChangedDocument, ChargingProfilesChangedDocument, FleetChangedDocument, ReservationChangedDocument } from './api/generated';
import type { ChargePoint, ChargePointDetail, InstalledChargingProfile, Reservation } from './api/types';
import { withReservation } from './live-reservations';

export interface FleetChangeHandlers {
  /** The subscription (again) follows the changes, and the read models hold every earlier one: read the fleet now. */
  onFollowing(): void;
  /** The newest state of each charge point that changed since the last call. */
  onChanges(changes: Map<string, ChargePoint>): void;
}

/**
 * Follows the API's fleetChanged subscription. The changes after it follows are handed over once per
 * animation frame: 1,000 a second are a few dozen renders at most, and a change waits for no timer.
 */
export function useFleetChanges(handlers: FleetChangeHandlers): void {
  const client = useClient();
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    let buffered = new Map<string, ChargePoint>();
    let frame = 0;
    const flush = () => {
      frame = 0;
      const changes = buffered;
      buffered = new Map();
      latest.current.onChanges(changes);
    };
    const subscription = client.subscription(FleetChangedDocument, {}).subscribe((result) => {
      const change = result.data?.fleetChanged;
      if (!change) return;
      if (!change.chargePoint) {
        // The read this starts holds what was buffered too.
        buffered = new Map();
        latest.current.onFollowing();
        return;
      }
      buffered.set(change.chargePoint.identity, change.chargePoint);
      frame ||= requestAnimationFrame(flush);
    });
    return () => {
      subscription.unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [client]);
}

/**
 * One charge point as it is now, then after each change (chargePointChanged with current: true: nothing
 * falls between a read and the subscription); null until the first, and while identity is undefined.
 */
export function useLiveChargePoint(identity: string | undefined): ChargePointDetail | null {
  const [live, setLive] = useState<ChargePointDetail | null>(null);
  useChargePointSubscription(ChargePointChangedDocument, identity, ({ chargePointChanged }) => setLive(chargePointChanged));
  return live?.identity === identity ? live : null;
}

/** A charge point's newest reservations as they are now, then after each change (reservationChanged with current: true); none until the first. */
export function useLiveReservations(identity: string): Reservation[] {
  const [live, setLive] = useState<{ identity: string; reservations: Reservation[] }>({ identity, reservations: [] });
  useChargePointSubscription(ReservationChangedDocument, identity, ({ reservationChanged }) =>
    setLive((before) => ({ identity, reservations: withReservation(before.identity === identity ? before.reservations : [], reservationChanged) })),
  );
  return live.identity === identity ? live.reservations : [];
}

/** The profiles a charge point holds as they are now, then after each change (chargingProfilesChanged with current: true); none until the first. */
export function useLiveChargingProfiles(identity: string): InstalledChargingProfile[] {
  const [live, setLive] = useState<{ chargePointIdentity: string; profiles: InstalledChargingProfile[] } | null>(null);
  useChargePointSubscription(ChargingProfilesChangedDocument, identity, ({ chargingProfilesChanged }) => setLive(chargingProfilesChanged));
  return live?.chargePointIdentity === identity ? live.profiles : [];
}

/** Hands each value of a subscription about one charge point to `onData`, while there is one (identity not undefined). */
function useChargePointSubscription<D>(document: TypedDocumentNode<D, { identity: string }>, identity: string | undefined, onData: (data: D) => void): void {
  const client = useClient();
  const latest = useRef(onData);
  useEffect(() => {
    latest.current = onData;
  });
  useEffect(() => {
    if (identity === undefined) return;
    const subscription = client.subscription(document, { identity }).subscribe((result) => {
      if (result.data) latest.current(result.data);
    });
    return () => subscription.unsubscribe();
  }, [client, document, identity]);
}

/** Calls `run` at most once per interval; a call in between is remembered and runs when the interval is over. The function returned stays the same. */
export function useThrottled(run: () => void, intervalMs: number): () => void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  const state = useRef({ last: 0, timer: 0 });
  useEffect(() => () => clearTimeout(state.current.timer), []);
  return useCallback(() => {
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
  }, [intervalMs]);
}
