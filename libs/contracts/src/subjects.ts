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

/** An id tag is any CiString20 (spaces too): percent-encoded, with "." and "*" as well, into one token. */
export function idTagToken(idTag: string): string {
  return encodeURIComponent(idTag).replace(/\./g, '%2E').replace(/\*/g, '%2A');
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
  /** One event type of every charge point: `<ns>vs.evt.station.*.<EventType>` */
  eventsOfType(category: 'station', type: string): string;
  /** A station event: `<ns>vs.evt.station.<identity>.<EventType>`. */
  event(category: 'station', identity: string | null, type: string): string;
  /**
   * Every operator decision about one charge point (its registration): `<ns>vs.evt.registry.<identity>.registration`.
   * One subject per aggregate, so that an append can expect its last sequence (nats-server 2.9
   * checks `Nats-Expected-Last-Subject-Sequence` against the exact subject published to).
   */
  registration(identity: string): string;
  /**
   * A registration's whole history, `<ns>vs.evt.registry.<identity>.*`: with the events an older
   * Voltstream stored on `…<identity>.<EventType>`, before there was one subject per aggregate.
   */
  registrationHistory(identity: string): string;
  /** One entry of the central tag list, likewise one subject: `<ns>vs.evt.tags.<idTag>.entry`. */
  centralTag(idTag: string): string;
  /** Every event of one charge point's local list (an aggregate): `<ns>vs.evt.station.<identity>.local-list`. */
  localList(identity: string): string;
  /** Every certificate signing event of one charge point (an aggregate): `<ns>vs.evt.station.<identity>.certificate-signing`. */
  certificateSigning(identity: string): string;
  /** The certificate signing events of every charge point: what the signer consumes. */
  allCertificateSigning: string;
  /**
   * Request/reply to an external CA, when CERTIFICATE_SIGNER=external: `<ns>vs.ca.sign`, a
   * `CertificateSigningRequest` answered with a `CertificateSigningReply` (contracts, certificates).
   */
  externalCaSign: string;
  /** Request/reply, one authorization replica (queue group): an operator's local list request (`LocalListRequest`). */
  localListRequests: string;
  /** Central tag list events an older Voltstream stored on `<ns>vs.evt.tags.<EventType>`, every tag's together. */
  legacyCentralTags: string;
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
  /** Stream whose sequence numbers are reservation ids. */
  reservationIdStream: string;
  reservationIdSubject: string;
  /** KeyValue bucket of the authorization service: start keys, transactions, active connectors. */
  transactionsBucket: string;
  /** KeyValue bucket of the gateway pods' leases: one key per live pod, renewed while it runs. */
  gatewayLeasesBucket: string;
  /** Request/reply: the consumer named applies one of its parked events again (`ParkedEventRetryRequest`). */
  parkedEventRetry(consumer: string): string;
  /** Object store of the firmware images operators upload, served to wallboxes by every API replica. */
  firmwareImagesBucket: string;
  /** Object store of the diagnostics files wallboxes upload, `<identity>/<file name>`. */
  diagnosticsFilesBucket: string;
  /**
   * Core NATS (no stream): each SecurityEventReported, published by the gateway once it is stored,
   * for any subscriber to react at once: `<ns>security.event.<identity>`.
   */
  securityEvent(identity: string): string;
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
    registration: (identity) => `${root}.evt.registry.${identityToken(identity)}.registration`,
    registrationHistory: (identity) => `${root}.evt.registry.${identityToken(identity)}.*`,
    centralTag: (idTag) => `${root}.evt.tags.${idTagToken(idTag)}.entry`,
    legacyCentralTags: `${root}.evt.tags.*`,
    localList: (identity) => `${root}.evt.station.${identityToken(identity)}.local-list`,
    localListRequests: `${root}.local-list.request`,
    certificateSigning: (identity) => `${root}.evt.station.${identityToken(identity)}.certificate-signing`,
    allCertificateSigning: `${root}.evt.station.*.certificate-signing`,
    externalCaSign: `${root}.ca.sign`,
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
    reservationIdStream: `${streamPrefix}VS_RESERVATION_IDS`,
    reservationIdSubject: `${root}.resid`,
    transactionsBucket: namespace ? `${namespace}_vs_transactions` : 'vs_transactions',
    gatewayLeasesBucket: namespace ? `${namespace}_vs_gateway_leases` : 'vs_gateway_leases',
    parkedEventRetry: (consumer) => `${root}.parked.retry.${identityToken(consumer)}`,
    firmwareImagesBucket: namespace ? `${namespace}_vs_firmware_images` : 'vs_firmware_images',
    diagnosticsFilesBucket: namespace ? `${namespace}_vs_diagnostics_files` : 'vs_diagnostics_files',
    securityEvent: (identity) => `${prefix}security.event.${identityToken(identity)}`,
  };
}
