import { JSONCodec, type NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import { loadConfig, type Config } from '@voltstream/config';
import { subjectsFor, type Subjects, type VoltstreamEvent } from '@voltstream/contracts';
import { connectNats, ensureStreams, EventPublisher } from '@voltstream/nats';
import { dropDatabase, openReadModels } from '@voltstream/read-models';
import { testEnv, uniqueNamespace } from '@voltstream/testing';

const billingCodec = JSONCodec<{ transactionId: number }>();

/** The projected tables, each with the order that makes two copies comparable. */
export const PROJECTED_TABLES: Record<string, string> = {
  charge_points: 'identity',
  connectors: 'charge_point_identity, connector_id',
  transactions: 'transaction_id',
  meter_values: 'id',
  tags: 'id_tag',
  local_tags: 'charge_point_identity, id_tag',
  reservations: 'reservation_id',
  local_list_sync: 'charge_point_identity',
  charging_profiles: 'charge_point_identity, charging_profile_id',
  data_transfers: 'id',
  security_events: 'id',
  installed_certificates: 'charge_point_identity, serial_number',
  projection_checkpoints: 'projection',
};

/** Every projected table's rows, in a comparable order. */
export async function tableContents(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const entries = await Promise.all(Object.entries(PROJECTED_TABLES).map(async ([table, by]) => [table, await dataSource.query(`SELECT * FROM ${table} ORDER BY ${by}`)] as const));
  return Object.fromEntries(entries);
}

/**
 * An event log (NATS namespace) and read models of a spec's own, and a second database for a
 * replay of the same log to compare with.
 */
export class TestEventLog {
  /** The environment of a service process on this log. */
  readonly env: Record<string, string>;
  readonly config: Config;
  readonly replayConfig: Config;
  readonly subjects: Subjects;
  nc!: NatsConnection;
  publisher!: EventPublisher;
  db!: DataSource;
  /** The stream sequence of the last event published through {@link publishAll}. */
  lastSequence = 0;

  constructor(env: Record<string, string> = {}) {
    const namespace = uniqueNamespace();
    this.env = testEnv(namespace, env);
    this.config = loadConfig(this.env);
    this.replayConfig = { ...this.config, databaseUrl: `${this.config.databaseUrl}_replay`, healthPort: undefined };
    this.subjects = subjectsFor(namespace);
  }

  async open(name: string): Promise<void> {
    this.nc = await connectNats(this.config.natsUrl, name);
    await ensureStreams(this.nc, this.subjects);
    this.publisher = new EventPublisher(this.nc, this.subjects);
    this.db = await openReadModels(this.config.databaseUrl);
  }

  /** Publishes the events at once, as many wallboxes would. */
  async publishAll(events: VoltstreamEvent[]): Promise<void> {
    const acks = await Promise.all(events.map((event) => this.publisher.publish(event)));
    this.lastSequence = Math.max(this.lastSequence, ...acks.map((ack) => ack.seq));
  }

  /** How often each transaction id was published for billing. */
  async billedCounts(): Promise<Map<number, number>> {
    const counts = new Map<number, number>();
    const { state } = await (await this.nc.jetstreamManager()).streams.info(this.subjects.billingStream);
    const consumer = await this.nc.jetstream().consumers.get(this.subjects.billingStream);
    for (let read = 0; read < state.messages; read++) {
      const message = await consumer.next({ expires: 2000 });
      if (!message) break;
      const { transactionId } = billingCodec.decode(message.data);
      counts.set(transactionId, (counts.get(transactionId) ?? 0) + 1);
    }
    return counts;
  }

  async close(): Promise<void> {
    await this.db?.destroy();
    const jsm = await this.nc.jetstreamManager();
    for (const stream of [this.subjects.eventsStream, this.subjects.billingStream, this.subjects.transactionIdStream, this.subjects.reservationIdStream]) await jsm.streams.delete(stream);
    await this.nc.close();
    await dropDatabase(this.config.databaseUrl);
    await dropDatabase(this.replayConfig.databaseUrl);
  }
}
