import { hash } from 'node:crypto';

/**
 * The JetStream message id of the event recorded for one CALL of a wallbox:
 * `<identity>:<uniqueId>:<hash of the frame text>`.
 *
 * JetStream stores a message id once within its duplicate window, so a true retry (the same CALL
 * sent again after a reconnect: same unique id, same content) is recorded once. The hash of the
 * frame text keeps apart a different message that merely reuses a unique id — wallboxes that
 * restart their unique-id counter after a reboot do — which must not be dropped as a duplicate.
 * The frame text holds the action and the payload; hashing the text as received costs no
 * re-serialisation.
 */
export function publishMessageId(identity: string, uniqueId: string, frameText: string): string {
  return `${identity}:${uniqueId}:${contentHash(frameText)}`;
}

/**
 * 96 bits of SHA-256, base64url: short, and collisions are out of reach within the window. The
 * one-shot `hash` costs a quarter of a Hash object's set-up per frame.
 */
function contentHash(text: string): string {
  return hash('sha256', text, 'base64url').slice(0, 16);
}

/** Message ids of a connection's own events: one per connection, whatever is retried. */
export function connectionMessageId(identity: string, connectionId: string, what: 'connected' | 'disconnected'): string {
  return `${identity}:${what}:${connectionId}`;
}

/**
 * A misconfigured wallbox retries all day: the same refusal of its handshake is recorded once a
 * minute at most (JetStream drops a message id it saw within its duplicate window).
 */
export function refusalMessageId(identity: string, reason: string, now: number): string {
  const reasonHash = hash('sha256', reason, 'base64url').slice(0, 16);
  return `${identity}:refused:${reasonHash}:${Math.floor(now / 60_000)}`;
}
