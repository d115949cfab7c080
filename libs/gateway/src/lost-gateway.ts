import { createEvent, type ChargePointDisconnected, type VoltstreamEvent } from '@voltstream/contracts';
import { connectionMessageId } from './message-id';

/** An event with its place in the log. */
export interface LoggedEvent {
  event: VoltstreamEvent;
  sequence: number;
}

export interface LostConnection {
  event: ChargePointDisconnected;
  /** The id the pod itself would have recorded the disconnect under: whoever records it first, it is stored once. */
  messageId: string;
}

export const LOST_GATEWAY_REASON = 'its gateway pod was lost (lease lapsed)';

function connectionOf(event: VoltstreamEvent): string | undefined {
  return event.type === 'ChargePointConnected' || event.type === 'ChargePointDisconnected' ? event.data.connectionId : undefined;
}

/**
 * A gateway pod died without a goodbye: the disconnects it never recorded. For each charge point,
 * the log's last ChargePointConnected tells where its newest connection is. Those on the lost pod,
 * recorded up to `upToSequence` (when its lease was claimed) and not recorded closed, are lost.
 * A newer connection, on any pod, is left alone: a charge point that reconnected elsewhere stays
 * online, and one the lost pod took after the claim is the pod's own to close (it was only slow).
 *
 * @param lastConnected the last ChargePointConnected of each charge point
 * @param lastDisconnected the last ChargePointDisconnected of each charge point
 */
export function lostConnections(
  gatewayId: string,
  upToSequence: number,
  lastConnected: readonly LoggedEvent[],
  lastDisconnected: readonly LoggedEvent[],
  now: Date,
): LostConnection[] {
  const closed = new Set(lastDisconnected.map(({ event }) => connectionOf(event)));
  const lost: LostConnection[] = [];
  for (const { event, sequence } of lastConnected) {
    const identity = event.metadata.chargePoint;
    if (event.type !== 'ChargePointConnected' || identity === null) continue;
    const { connectionId } = event.data;
    if (event.data.gatewayId !== gatewayId || sequence > upToSequence || closed.has(connectionId)) continue;
    lost.push({
      event: createEvent('ChargePointDisconnected', { connectionId, gatewayId, reason: LOST_GATEWAY_REASON }, identity, now),
      messageId: connectionMessageId(identity, connectionId, 'disconnected'),
    });
  }
  return lost;
}
