/**
 * Every NATS subject and stream name of Voltstream, in one place (docs/architecture.md).
 *
 * A charge point identity may hold "." and "*", which NATS reads as token separator and
 * wildcard, so identities are escaped into one subject token.
 */
export function identityToken(identity: string): string {
  return identity.replace(/%/g, '%25').replace(/\./g, '%2E').replace(/\*/g, '%2A').replace(/>/g, '%3E');
}

export function identityFromToken(token: string): string {
  return token.replace(/%2E/g, '.').replace(/%2A/g, '*').replace(/%3E/g, '>').replace(/%25/g, '%');
}

/** Event categories: consumers filter on one of them (nats-server 2.9 allows one filter subject). */
export type EventCategory = 'registry' | 'station' | 'tags';

export interface Subjects {
  /** Stream holding the event log. */
  eventsStream: string;
  /** Every event: `<ns>vs.evt.>` */
  allEvents: string;
  /** `<ns>vs.evt.<category>.>` */
  eventsOf(category: EventCategory): string;
  /** One event type of every charge point: `<ns>vs.evt.<category>.*.<EventType>` */
  eventsOfType(category: Exclude<EventCategory, 'tags'>, type: string): string;
  /** `<ns>vs.evt.registry|station.<identity>.<EventType>`; central tag list events have no identity. */
  event(category: EventCategory, identity: string | null, type: string): string;
  /**
   * Operator command to a wallbox through the gateway pod `gatewayId` that recorded its latest
   * connection (`ChargePointConnected`); answered only while that pod holds the connection.
   */
  command(gatewayId: string, identity: string): string;
  /** Every command to a gateway pod: one subscription per pod, however many wallboxes it holds. */
  commandsOf(gatewayId: string): string;
  /** Announces a new connection so that any other pod holding the identity closes its older one. */
  connectionClaimed(identity: string): string;
  allConnectionClaims: string;
  /** Request/reply decisions served by the authorization service (queue group). */
  rpc: { boot: string; authorize: string; startTransaction: string; stopTransaction: string };
  authorizationQueue: string;
  /** Stream for completed transactions (SPEC §7) and its subject. */
  billingStream: string;
  billingCompleted: string;
  /** Stream whose sequence numbers are transaction ids. */
  transactionIdStream: string;
  transactionIdSubject: string;
  /** KeyValue bucket of the authorization service: start keys, transactions, active connectors. */
  transactionsBucket: string;
  /** Request/reply: the consumer named applies one of its parked events again (`ParkedEventRetryRequest`). */
  parkedEventRetry(consumer: string): string;
}

/** @param namespace empty in production; a test run uses its own to stay apart from others. */
export function subjectsFor(namespace = ''): Subjects {
  const prefix = namespace ? `${namespace}.` : '';
  const streamPrefix = namespace ? `${namespace.toUpperCase().replace(/-/g, '_')}_` : '';
  const root = `${prefix}vs`;
  return {
    eventsStream: `${streamPrefix}VS_EVENTS`,
    allEvents: `${root}.evt.>`,
    eventsOf: (category) => `${root}.evt.${category}.>`,
    eventsOfType: (category, type) => `${root}.evt.${category}.*.${type}`,
    event: (category, identity, type) =>
      identity === null ? `${root}.evt.${category}.${type}` : `${root}.evt.${category}.${identityToken(identity)}.${type}`,
    command: (gatewayId, identity) => `${root}.cmd.${identityToken(gatewayId)}.${identityToken(identity)}`,
    commandsOf: (gatewayId) => `${root}.cmd.${identityToken(gatewayId)}.*`,
    connectionClaimed: (identity) => `${root}.gw.claim.${identityToken(identity)}`,
    allConnectionClaims: `${root}.gw.claim.*`,
    rpc: {
      boot: `${root}.rpc.boot`,
      authorize: `${root}.rpc.authorize`,
      startTransaction: `${root}.rpc.start-transaction`,
      stopTransaction: `${root}.rpc.stop-transaction`,
    },
    authorizationQueue: `${root}.authorization`,
    billingStream: `${streamPrefix}VS_BILLING`,
    billingCompleted: `${prefix}billing.transaction.completed`,
    transactionIdStream: `${streamPrefix}VS_TRANSACTION_IDS`,
    transactionIdSubject: `${root}.txid`,
    transactionsBucket: namespace ? `${namespace}_vs_transactions` : 'vs_transactions',
    parkedEventRetry: (consumer) => `${root}.parked.retry.${identityToken(consumer)}`,
  };
}
