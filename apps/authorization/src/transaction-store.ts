import { createHash } from 'node:crypto';
import { JSONCodec, StorageType, type KV, type NatsConnection } from 'nats';
import { parseTransactionRecord, type StartTransactionRequest, type Subjects, type TransactionRecord } from '@voltstream/contracts';
import { SequenceIds } from '@voltstream/nats';

/** A start queued offline for longer than this is no longer recognised as sent before. */
const RETENTION_MS = 400 * 24 * 60 * 60 * 1000;

const codec = JSONCodec<TransactionRecord>();

/**
 * Transaction ids and what they belong to, in a JetStream KeyValue bucket shared by every replica:
 * - `start.<hash of the start>` → transaction id: the same start sent again gets the same id;
 * - `tx.<transaction id>` → {@link TransactionRecord}: a stop knows whether its transaction is known;
 * - `active.<identity>.<connector>` → transaction id: the transaction running on a connector, written
 *   by the start and removed by the stop before the gateway records either, so it is never behind the log.
 * New ids are the sequence numbers of publishes to the transaction id stream: unique across
 * replicas and restarts, increasing, never reused.
 */
export class TransactionStore {
  private constructor(
    private readonly ids: SequenceIds,
    private readonly kv: KV,
  ) {}

  static async open(nc: NatsConnection, subjects: Subjects, replicas: number): Promise<TransactionStore> {
    const js = nc.jetstream();
    const kv = await js.views.kv(subjects.transactionsBucket, { history: 1, storage: StorageType.File, ttl: RETENTION_MS, replicas });
    return new TransactionStore(new SequenceIds(js, subjects.transactionIdSubject), kv);
  }

  /** The transaction id of this start: the one handed out before for the same start, else a new one. */
  async start(request: StartTransactionRequest): Promise<number> {
    const startKey = `start.${startHash(request)}`;
    const known = await this.readId(startKey);
    if (known !== undefined) return known;
    const transactionId = await this.ids.next();
    const record: TransactionRecord = { identity: request.identity, connectorId: request.connectorId, idTag: request.idTag };
    // The record goes first: once the start key names an id, a stop of that id finds its record.
    await this.kv.put(`tx.${transactionId}`, codec.encode(record));
    const winner = await this.claim(startKey, transactionId);
    if (winner === transactionId) await this.kv.put(activeKey(request.identity, request.connectorId), String(transactionId));
    return winner;
  }

  async find(transactionId: number): Promise<TransactionRecord | undefined> {
    const entry = await this.kv.get(`tx.${transactionId}`);
    return entry?.operation === 'PUT' ? parseTransactionRecord(entry.value) : undefined;
  }

  /** Marks the connector free again, unless a newer transaction has taken it meanwhile. */
  async stop(transactionId: number, record: TransactionRecord): Promise<void> {
    const key = activeKey(record.identity, record.connectorId);
    const entry = await this.kv.get(key);
    if (entry?.operation !== 'PUT' || Number(entry.string()) !== transactionId) return;
    await this.kv.delete(key, { previousSeq: entry.revision });
  }

  async activeOn(identity: string, connectorId: number): Promise<number | undefined> {
    return this.readId(activeKey(identity, connectorId));
  }

  private async readId(key: string): Promise<number | undefined> {
    const entry = await this.kv.get(key);
    return entry?.operation === 'PUT' ? Number(entry.string()) : undefined;
  }

  /** `create` succeeds for one racer only; the others adopt its id (theirs stays unused, never reused). */
  private async claim(startKey: string, transactionId: number): Promise<number> {
    try {
      await this.kv.create(startKey, String(transactionId));
      return transactionId;
    } catch (error) {
      const winner = await this.readId(startKey);
      if (winner === undefined) throw error;
      return winner;
    }
  }
}

function startHash(request: StartTransactionRequest): string {
  const { identity, connectorId, idTag, meterStart, timestamp } = request;
  return createHash('sha256').update(JSON.stringify([identity, connectorId, idTag, meterStart, timestamp])).digest('hex');
}

/** KeyValue keys allow letters, digits and `-_=./` only; an identity may hold `:` and `*`. */
function activeKey(identity: string, connectorId: number): string {
  return `active.${Buffer.from(identity).toString('base64url')}.${connectorId}`;
}
