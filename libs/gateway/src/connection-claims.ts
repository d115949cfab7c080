import type { ConnectionClaim } from '@voltstream/contracts';

/**
 * The same identity connected twice: the newer connection wins, on any pod (SPEC §3).
 * Newer means a later handshake; connection ids (random) break ties, so every pod agrees.
 */
export function isNewerClaim(candidate: ConnectionClaim, current: ConnectionClaim): boolean {
  if (candidate.connectedAt !== current.connectedAt) return candidate.connectedAt > current.connectedAt;
  return candidate.connectionId > current.connectionId;
}

/**
 * The handshake time of the next connection on this pod: strictly after the previous one, so that
 * two handshakes within one millisecond are still ordered as they happened rather than by chance.
 */
export function nextConnectedAt(previous: number, now: number): number {
  return Math.max(now, previous + 1);
}
