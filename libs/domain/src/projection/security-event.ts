import type { EventOf } from '@voltstream/contracts';
import type { ProjectionChange } from './changes';

/** A SecurityEventNotification a wallbox sent, as it came, with when the CSMS recorded it. */
export function securityEventReported(identity: string, event: EventOf<'SecurityEventReported'>): ProjectionChange[] {
  const { type, timestamp, techInfo } = event.data;
  return [
    {
      type: 'securityEventReported',
      row: {
        chargePointIdentity: identity,
        type,
        occurredAt: new Date(timestamp),
        techInfo: techInfo ?? null,
        receivedAt: new Date(event.metadata.recordedAt),
      },
    },
  ];
}
