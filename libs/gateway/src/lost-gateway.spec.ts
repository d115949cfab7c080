import { describe, expect, it } from 'vitest';
import { createEvent, type EventOf, type VoltstreamEvent } from '@voltstream/contracts';
import { ProjectionBatch } from '@voltstream/domain';
import { LOST_GATEWAY_REASON, lostConnections, type LoggedEvent } from './lost-gateway';

const NOW = new Date('2026-01-01T12:00:00Z');
const LOST = 'pod-lost';

const connected = (identity: string, connectionId: string, gatewayId = LOST): EventOf<'ChargePointConnected'> =>
  createEvent('ChargePointConnected', { connectionId, gatewayId }, identity, NOW);
const disconnected = (identity: string, connectionId: string, gatewayId = LOST): EventOf<'ChargePointDisconnected'> =>
  createEvent('ChargePointDisconnected', { connectionId, gatewayId, reason: 'closed by the charge point (1000)' }, identity, NOW);

/** What JetStream's last-per-subject delivery hands over: the newest event of each charge point and type. */
function lastOfEach(log: readonly LoggedEvent[], type: VoltstreamEvent['type']): LoggedEvent[] {
  const last = new Map<string | null, LoggedEvent>();
  for (const logged of log) if (logged.event.type === type) last.set(logged.event.metadata.chargePoint, logged);
  return [...last.values()];
}

/** The log as given, and when the lease was claimed: the disconnects recorded for the lost pod. */
function whenLost(log: readonly LoggedEvent[], claimedAt = log.length) {
  return lostConnections(LOST, claimedAt, lastOfEach(log, 'ChargePointConnected'), lastOfEach(log, 'ChargePointDisconnected'), NOW);
}

const logOf = (...events: VoltstreamEvent[]): LoggedEvent[] => events.map((event, index) => ({ event, sequence: index + 1 }));

/** The read model after the log and the recorded disconnects: which charge points show online. */
function onlineAfter(log: readonly LoggedEvent[], lost: ReturnType<typeof whenLost>): Record<string, boolean> {
  const batch = new ProjectionBatch();
  for (const { event, sequence } of log) batch.apply(event, sequence);
  lost.forEach(({ event }, index) => batch.apply(event, log.length + index + 1));
  return Object.fromEntries(batch.writes().chargePoints.map((row) => [row.identity, row.online]));
}

describe('a gateway pod lost without a goodbye: which charge points go offline', () => {
  it('records closed every connection whose charge point was last connected to the lost pod', () => {
    const log = logOf(connected('CP-1', 'c1'), connected('CP-2', 'c2'), connected('CP-3', 'c3', 'pod-alive'));
    const lost = whenLost(log);
    expect(lost).toEqual([
      { event: createEvent('ChargePointDisconnected', { connectionId: 'c1', gatewayId: LOST, reason: LOST_GATEWAY_REASON }, 'CP-1', NOW), messageId: 'CP-1:disconnected:c1' },
      { event: createEvent('ChargePointDisconnected', { connectionId: 'c2', gatewayId: LOST, reason: LOST_GATEWAY_REASON }, 'CP-2', NOW), messageId: 'CP-2:disconnected:c2' },
    ]);
    expect(onlineAfter(log, lost)).toEqual({ 'CP-1': false, 'CP-2': false, 'CP-3': true });
  });

  it('under the message id the pod itself would have used, so a disconnect it did record is stored once', () => {
    const [{ messageId }] = whenLost(logOf(connected('CP-1', 'c1')));
    expect(messageId).toBe('CP-1:disconnected:c1');
  });

  it('leaves online a charge point that reconnected to another pod, before or after the lost one\'s connection', () => {
    const log = logOf(connected('CP-1', 'c1'), connected('CP-1', 'c2', 'pod-alive'), connected('CP-2', 'c3', 'pod-alive'), connected('CP-2', 'c4'), connected('CP-2', 'c5', 'pod-alive'));
    const lost = whenLost(log);
    expect(lost).toEqual([]);
    expect(onlineAfter(log, lost)).toEqual({ 'CP-1': true, 'CP-2': true });
  });

  it('an old disconnect never takes a newer connection offline, even when recorded after it', () => {
    const log = logOf(connected('CP-1', 'c1'));
    const lost = whenLost(log);
    const reconnected = logOf(connected('CP-1', 'c1'), connected('CP-1', 'c2', 'pod-alive'));
    expect(onlineAfter(reconnected, lost)).toEqual({ 'CP-1': true });
  });

  it('records nothing for a connection already recorded closed', () => {
    const log = logOf(connected('CP-1', 'c1'), disconnected('CP-1', 'c1'), connected('CP-2', 'c2'), disconnected('CP-2', 'c0'));
    expect(whenLost(log).map(({ event }) => event.metadata.chargePoint)).toEqual(['CP-2']);
  });

  it('leaves a connection recorded after the claim to the pod, which was only slow and closes it itself', () => {
    const log = logOf(connected('CP-1', 'c1'), connected('CP-2', 'c2'));
    expect(whenLost(log, 1).map(({ event }) => event.metadata.chargePoint)).toEqual(['CP-1']);
  });
});
