import type { JetStreamClient } from 'nats';

/** OCPP ids (transactions, reservations) are 32-bit signed integers. */
const MAX_OCPP_ID = 2 ** 31 - 1;

export class IdsExhaustedError extends Error {
  constructor(subject: string, sequence: number) {
    super(`Id ${sequence} handed out on ${subject} exceeds the 32-bit range of OCPP`);
    this.name = 'IdsExhaustedError';
  }
}

/**
 * Ids that are the sequence numbers of publishes to a subject of their own stream (one message
 * kept, see streams.ts): positive, increasing, unique across replicas and restarts, never reused.
 */
export class SequenceIds {
  constructor(private readonly js: JetStreamClient, private readonly subject: string) {}

  async next(): Promise<number> {
    const { seq } = await this.js.publish(this.subject);
    if (seq > MAX_OCPP_ID) throw new IdsExhaustedError(this.subject, seq);
    return seq;
  }
}
