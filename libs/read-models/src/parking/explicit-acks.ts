import type { JsMsg } from 'nats';
import { decideOnFailure, failureKind } from './failure';
import { addressFromSubject, parkedRow, type ParkedEvents } from './parked-events';

/** How long a failed event waits before it is delivered again. */
const RETRY_DELAY_MS = 1000;

export type Settled = 'handled' | 'retried' | 'parked';

/**
 * Handles one message of a consumer with explicit acks by the rule every consumer follows
 * ({@link decideOnFailure}): acknowledged once handled; after an outage delivered again, for ever;
 * an event that cannot be handled is parked after its tries — recorded in `parked_events`, then
 * terminated so that the server delivers it no more. Parking while the database is down is
 * itself an outage: the event comes again.
 */
export async function handleOrPark(message: JsMsg, handle: () => Promise<void>, consumer: string, parked: ParkedEvents): Promise<Settled> {
  try {
    await handle();
    message.ack();
    return 'handled';
  } catch (error) {
    const attempts = message.info.redeliveryCount;
    if (decideOnFailure({ kind: failureKind(error), events: 1, attempts }) === 'park') {
      try {
        await parked.park([parkedRow(consumer, addressFromSubject(message.seq, message.subject), error, attempts, new Date())]);
        message.term();
        return 'parked';
      } catch {
        // The database is down: the event is tried again and parked then.
      }
    }
    message.nak(RETRY_DELAY_MS);
    return 'retried';
  }
}
