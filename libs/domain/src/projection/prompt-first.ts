import type { VoltstreamEvent } from '@voltstream/contracts';

/** Meter values and heartbeats: they stream in all the time, and nobody waits for one of them. */
function isTelemetry(event: VoltstreamEvent): boolean {
  return event.type === 'MeterValuesReported' || event.type === 'HeartbeatReceived';
}

export interface PromptFirst<T> {
  /** Every event of the charge points with more than telemetry in the batch, and the events of no charge point. */
  prompt: T[];
  /** The other charge points' telemetry. */
  telemetry: T[];
}

/**
 * Splits a batch so that what people wait for (a transaction started or stopped, a connector's
 * status, an operator's change) can be written before the telemetry of other charge points that
 * came with it. A charge point's events stay together and in log order. The events of one charge
 * point never touch another's rows (a stop naming another charge point's transaction changes
 * nothing), so the two parts may be committed in either order.
 */
export function promptFirst<T extends { event: VoltstreamEvent }>(items: readonly T[]): PromptFirst<T> {
  const waitedFor = new Set<string>();
  for (const { event } of items) {
    if (event.metadata.chargePoint !== null && !isTelemetry(event)) waitedFor.add(event.metadata.chargePoint);
  }
  const parts: PromptFirst<T> = { prompt: [], telemetry: [] };
  for (const item of items) {
    const identity = item.event.metadata.chargePoint;
    (identity === null || waitedFor.has(identity) ? parts.prompt : parts.telemetry).push(item);
  }
  return parts;
}
