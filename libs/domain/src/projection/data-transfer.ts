import type { EventOf } from '@voltstream/contracts';
import type { ProjectionChange } from './changes';

/** What the gateway answered before it recorded the answer with the message. */
const ANSWER_BEFORE_IT_WAS_RECORDED = 'UnknownVendorId';

/** A DataTransfer a wallbox sent, kept as it came, with the gateway's answer. */
export function dataTransferReceived(identity: string, event: EventOf<'DataTransferReceived'>): ProjectionChange[] {
  const { vendorId, messageId, data, status } = event.data;
  return [
    {
      type: 'dataTransferReceived',
      row: {
        chargePointIdentity: identity,
        vendorId,
        messageId: messageId ?? null,
        data: data ?? null,
        status: status ?? ANSWER_BEFORE_IT_WAS_RECORDED,
        receivedAt: new Date(event.metadata.recordedAt),
      },
    },
  ];
}
