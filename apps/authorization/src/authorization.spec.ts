import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Msg, NatsConnection } from 'nats';
import { JSONCodec } from 'nats';
import { loadConfig } from '@voltstream/config';
import {
  contractViolations,
  createEvent,
  parseRpcReply,
  parseWallboxCommand,
  subjectsFor,
  type ChargePointSettings,
  type RpcName,
  type RpcReply,
  type RpcReplyEnvelope,
  type StartMode,
  type StartTransactionRequest,
  type Subjects,
  type VoltstreamEvent,
  type WallboxCommand,
} from '@voltstream/contracts';
import { connectNats, CORRELATION_ID_HEADER, ensureStreams, EventPublisher, followEvents } from '@voltstream/nats';
import { dropDatabase, openReadModels, ParkedEventRow } from '@voltstream/read-models';
import { tagEntry as tag, testEnv, uniqueNamespace } from '@voltstream/testing';
import { AUTO_START_CONSUMER } from './auto-starter';
import { startAuthorization, type RunningAuthorization } from './bootstrap';


const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

const settings = (startMode: StartMode, autoStartIdTag: string | null = null): ChargePointSettings => ({
  startMode,
  relaxations: [],
  autoStartIdTag,
  passwordHash: null,
  description: null,
});

/** One namespace with its own streams, a test connection and a client that talks like the gateway. */
class Namespace {
  readonly namespace = uniqueNamespace();
  readonly subjects: Subjects = subjectsFor(this.namespace);
  readonly services: RunningAuthorization[] = [];
  nc!: NatsConnection;
  publisher!: EventPublisher;

  constructor(private readonly env: Record<string, string> = {}) {}

  async open(): Promise<void> {
    this.nc = await connectNats(NATS_URL, 'authorization-spec');
    await ensureStreams(this.nc, this.subjects);
    this.publisher = new EventPublisher(this.nc, this.subjects);
  }

  async startService(): Promise<RunningAuthorization> {
    const service = await startAuthorization(loadConfig(testEnv(this.namespace, { HEALTH_PORT: '0', ...this.env })));
    this.services.push(service);
    return service;
  }

  async stopService(service: RunningAuthorization): Promise<void> {
    await service.close();
    this.services.splice(this.services.indexOf(service), 1);
  }

  /** Asks as the gateway does: the request's JSON, answered in the RPC envelope; an error reply rejects. */
  async send<Name extends RpcName>(name: Name, request: object): Promise<RpcReply<Name>> {
    const envelope = await this.sendRaw(name, JSON.stringify(request));
    if (envelope.kind === 'error') throw new Error(`${envelope.code}: ${envelope.message}`);
    return envelope.reply;
  }

  /** Any bytes on the subject of `name`; resolves to the reply envelope, parsed against its contract. */
  async sendRaw<Name extends RpcName>(name: Name, body: string): Promise<RpcReplyEnvelope<RpcReply<Name>>> {
    const reply = await this.nc.request(this.subjects.rpc[name], new TextEncoder().encode(body), { timeout: 10_000 });
    return parseRpcReply(name, reply.data);
  }

  publish(event: VoltstreamEvent) {
    return this.publisher.publish(event);
  }

  /** Every event of a type in the log so far. */
  async eventsOfType(type: VoltstreamEvent['type']): Promise<VoltstreamEvent[]> {
    const seen: VoltstreamEvent[] = [];
    const follower = await followEvents(this.nc, this.subjects.eventsStream, this.subjects.allEvents, ({ event }) => {
      if (event.type === type) seen.push(event);
    });
    await follower.stop();
    return seen;
  }

  async close(): Promise<void> {
    await Promise.all(this.services.map((service) => service.close()));
    const jsm = await this.nc.jetstreamManager();
    const kvStream = `KV_${subjectsFor(this.namespace).transactionsBucket}`;
    for (const stream of [this.subjects.eventsStream, this.subjects.billingStream, this.subjects.transactionIdStream, this.subjects.reservationIdStream, kvStream]) {
      await jsm.streams.delete(stream);
    }
    await this.nc.close();
    await dropDatabase(testEnv(this.namespace).DATABASE_URL);
  }
}

describe('authorization service, UNKNOWN_CHARGE_POINTS=pending, two replicas', () => {
  const ns = new Namespace({ HEARTBEAT_INTERVAL: '120' });
  const at = () => new Date();
  const authorize = (identity: string, idTag: string) => ns.send('authorize', { identity, idTag });
  const start = (request: StartTransactionRequest) => ns.send('startTransaction', request);
  const startOf = (identity: string, overrides: Partial<StartTransactionRequest> = {}): StartTransactionRequest => ({
    identity,
    connectorId: 1,
    idTag: 'CARD-1',
    meterStart: 1000,
    timestamp: '2026-03-01T10:00:00.000Z',
    ...overrides,
  });

  beforeAll(async () => {
    await ns.open();
    await ns.publish(createEvent('ChargePointAdopted', settings('centralList'), 'CP-CENTRAL', at()));
    await ns.publish(createEvent('TagSaved', { tag: tag('CARD-1', { parentIdTag: 'FLEET' }) }, null, at()));
    await ns.publish(createEvent('TagSaved', { tag: tag('CARD-BLOCKED', { blocked: true }) }, null, at()));
    await ns.startService();
    await ns.startService();
  });
  afterAll(() => ns.close());

  it('answers boot of an adopted charge point Accepted and of an unknown one Pending, with HEARTBEAT_INTERVAL', async () => {
    const boot = { vendor: 'Voltstream', model: 'Sim' };
    expect(await ns.send('boot', { identity: 'CP-CENTRAL', boot })).toEqual({ status: 'Accepted', interval: 120 });
    expect(await ns.send('boot', { identity: 'CP-NEW', boot })).toEqual({ status: 'Pending', interval: 120 });
    expect(await ns.eventsOfType('ChargePointAdopted')).toHaveLength(1);
  });

  it('decides tags from the registry replayed before it started', async () => {
    expect(await authorize('CP-CENTRAL', 'CARD-1')).toEqual({ idTagInfo: { status: 'Accepted', parentIdTag: 'FLEET' } });
    expect(await authorize('CP-CENTRAL', 'CARD-BLOCKED')).toEqual({ idTagInfo: { status: 'Blocked' } });
    expect(await authorize('CP-CENTRAL', 'UNKNOWN')).toEqual({ idTagInfo: { status: 'Invalid' } });
    expect(await authorize('CP-NEW', 'CARD-1')).toEqual({ idTagInfo: { status: 'Invalid' } });
  });

  it('follows registry and tag events published while it runs, every replica alike', async () => {
    await ns.publish(createEvent('ChargePointAdopted', settings('localList'), 'CP-LOCAL', at()));
    await ns.publish(createEvent('LocalTagSaved', { tag: tag('LOCAL-1', { expiresAt: '2020-01-01T00:00:00.000Z' }) }, 'CP-LOCAL', at()));
    const expired = { idTagInfo: { status: 'Expired', expiryDate: '2020-01-01T00:00:00.000Z' } };
    await expect.poll(() => authorize('CP-LOCAL', 'LOCAL-1')).toEqual(expired);
    // The queue group spreads requests over both replicas; each must have folded the events.
    await expect.poll(() => Promise.all(Array.from({ length: 20 }, () => authorize('CP-LOCAL', 'LOCAL-1')))).toEqual(
      Array.from({ length: 20 }, () => expired),
    );
  });

  it('answers a request that does not fit its contract with an invalid-request error naming the field', async () => {
    expect(await ns.sendRaw('authorize', JSON.stringify({ identity: 'CP-CENTRAL', idTag: 42 }))).toEqual({
      kind: 'error',
      code: 'invalid-request',
      message: 'Invalid authorize request: idTag must be a string',
    });
    const start = { identity: 'CP-CENTRAL', connectorId: 1, idTag: 'CARD-1', meterStart: 2 ** 31, timestamp: '2026-03-01T10:00:00.000Z' };
    expect(await ns.sendRaw('startTransaction', JSON.stringify(start))).toMatchObject({
      kind: 'error',
      message: 'Invalid startTransaction request: meterStart must be an integer from -2147483648 to 2147483647',
    });
  });

  it('answers every malformed request on vs.rpc.* with an error reply, counts it, and keeps answering', async () => {
    const deep = `{"identity":"CP-CENTRAL","idTag":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const malformed = ['not JSON', '{"identity":', '', 'null', '[]', '"CP-CENTRAL"', '{}', deep, JSON.stringify({ identity: 'x'.repeat(49), idTag: 'A' })];
    for (const name of ['boot', 'authorize', 'startTransaction', 'stopTransaction'] as const) {
      const countedBefore = contractViolations.of(`${name} request`);
      const replies = await Promise.all(malformed.map((body) => ns.sendRaw(name, body)));
      expect(replies.map((reply) => reply.kind === 'error' && reply.code)).toEqual(malformed.map(() => 'invalid-request'));
      expect(contractViolations.of(`${name} request`)).toBe(countedBefore + malformed.length);
      // Without a reply subject nobody hears the error reply; the service must not fall over either.
      for (const body of malformed) ns.nc.publish(ns.subjects.rpc[name], body);
    }
    await ns.nc.flush();
    expect(await authorize('CP-CENTRAL', 'CARD-1')).toMatchObject({ idTagInfo: { status: 'Accepted' } });
  });

  it('hands out positive, increasing transaction ids, the same one for the same start sent again', async () => {
    const first = await start(startOf('CP-CENTRAL', { timestamp: '2026-03-01T10:00:00.000Z' }));
    const again = await start(startOf('CP-CENTRAL', { timestamp: '2026-03-01T10:00:00.000Z' }));
    const second = await start(startOf('CP-CENTRAL', { timestamp: '2026-03-01T11:00:00.000Z' }));
    const third = await start(startOf('CP-CENTRAL', { timestamp: '2026-03-01T11:00:00.000Z', meterStart: 2000 }));
    expect(first.transactionId).toBeGreaterThan(0);
    expect(again.transactionId).toBe(first.transactionId);
    expect(second.transactionId).toBeGreaterThan(first.transactionId);
    expect(third.transactionId).toBeGreaterThan(second.transactionId);
    expect(first).toEqual({
      transactionId: first.transactionId,
      idTagInfo: { status: 'Accepted', parentIdTag: 'FLEET' },
      tagOwner: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
    });
  });

  it('gives one transaction id to the same start sent many times at once to both replicas', async () => {
    const request = startOf('CP-CENTRAL', { connectorId: 2, timestamp: '2026-03-02T08:00:00.000Z' });
    const replies = await Promise.all(Array.from({ length: 12 }, () => start(request)));
    expect(new Set(replies.map((reply) => reply.transactionId)).size).toBe(1);
  });

  it('gives a start with a tag it does not know a transaction id, and the tag its real status', async () => {
    const reply = await start(startOf('CP-CENTRAL', { idTag: 'OFFLINE-TAG', timestamp: '2026-03-03T08:00:00.000Z' }));
    expect(reply.transactionId).toBeGreaterThan(0);
    expect(reply.idTagInfo).toEqual({ status: 'Invalid' });
    expect(reply.tagOwner).toBeNull();
  });

  it('answers the stop of a known transaction as known, with the idTagInfo of its tag', async () => {
    const { transactionId } = await start(startOf('CP-CENTRAL', { timestamp: '2026-03-04T08:00:00.000Z' }));
    const stop = { identity: 'CP-CENTRAL', transactionId, idTag: 'CARD-1', meterStop: 5000, timestamp: '2026-03-04T09:00:00.000Z' };
    expect(await ns.send('stopTransaction', stop)).toEqual({
      known: true,
      idTagInfo: { status: 'Accepted', parentIdTag: 'FLEET' },
    });
  });

  it('answers the stop of an unknown transaction as unknown, and one without a tag without idTagInfo', async () => {
    const stop = { identity: 'CP-CENTRAL', transactionId: 2_000_000_000, meterStop: 10, timestamp: '2026-03-04T09:00:00.000Z' };
    expect(await ns.send('stopTransaction', stop)).toEqual({ known: false });
    expect(await ns.send('stopTransaction', { ...stop, idTag: 'CARD-BLOCKED' })).toEqual({
      known: false,
      idTagInfo: { status: 'Blocked' },
    });
  });

  it('answers a stop from another charge point than the one that started the transaction as unknown', async () => {
    const { transactionId } = await start(startOf('CP-CENTRAL', { timestamp: '2026-03-05T08:00:00.000Z' }));
    const stop = { identity: 'CP-LOCAL', transactionId, meterStop: 10, timestamp: '2026-03-05T09:00:00.000Z' };
    expect(await ns.send('stopTransaction', stop)).toEqual({ known: false });
  });

  it('reports ready on its health endpoint once the read models\' migrations have run', async () => {
    // A fresh database: each replica is not ready until it is migrated (README, "Health and readiness").
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${ns.services[0].healthPort}/health/ready`)).status, { timeout: 20_000 }).toBe(200);
  });

  describe('start mode auto', () => {
    const commands: { identity: string; command: WallboxCommand }[] = [];
    /** Every command these wallboxes got (auto-start's and the local list's), with its correlation id. */
    const correlated: { identity: string; action: string; correlationId: string | undefined }[] = [];
    const codec = JSONCodec();
    const consumerSettled = async () => {
      const info = await (await ns.nc.jetstreamManager()).consumers.info(ns.subjects.eventsStream, AUTO_START_CONSUMER);
      return info.num_pending + info.num_ack_pending;
    };
    const preparing = (identity: string, connectorId: number) =>
      createEvent('ConnectorStatusChanged', { connectorId, status: 'Preparing', errorCode: 'NoError' }, identity, at());

    beforeAll(async () => {
      // Stands in for the gateway pod holding the wallboxes.
      for (const identity of ['AUTO-1', 'AUTO-2']) {
        await ns.publish(createEvent('ChargePointConnected', { connectionId: `${identity}-connection`, gatewayId: 'gateway-auto' }, identity, at()));
        ns.nc.subscribe(ns.subjects.command('gateway-auto', identity), {
          callback: (_error: unknown, message: Msg) => {
            const command = parseWallboxCommand(message.data);
            correlated.push({ identity, action: command.action, correlationId: message.headers?.get(CORRELATION_ID_HEADER) });
            // The local list syncer talks to these wallboxes too (GetConfiguration, SendLocalList).
            if (command.action === 'RemoteStartTransaction') commands.push({ identity, command });
            message.respond(codec.encode({ outcome: 'result', payload: { status: 'Accepted' } }));
          },
        });
      }
      await ns.publish(createEvent('ChargePointAdopted', settings('auto', 'FLEET-CAR'), 'AUTO-1', at()));
      await ns.publish(createEvent('ChargePointAdopted', settings('auto'), 'AUTO-2', at()));
      await vi.waitFor(async () => {
        const replies = await Promise.all(Array.from({ length: 20 }, () => authorize('AUTO-2', 'X')));
        expect(replies.every((reply) => reply.idTagInfo.status === 'Accepted')).toBe(true);
      });
    });

    it('sends RemoteStartTransaction once, from one of the two replicas, when a connector turns Preparing, under the status event\'s correlation id', async () => {
      const status = await ns.publish(preparing('AUTO-1', 1));
      await expect.poll(() => commands.length).toBe(1);
      await expect.poll(consumerSettled).toBe(0);
      expect(commands).toEqual([
        { identity: 'AUTO-1', command: { action: 'RemoteStartTransaction', payload: { connectorId: 1, idTag: 'FLEET-CAR' } } },
      ]);
      expect(correlated.filter((each) => each.action === 'RemoteStartTransaction')).toEqual([
        { identity: 'AUTO-1', action: 'RemoteStartTransaction', correlationId: `${AUTO_START_CONSUMER}:${status.seq}` },
      ]);
      const started = await start(startOf('AUTO-1', { idTag: 'FLEET-CAR', timestamp: at().toISOString() }));
      expect(started.idTagInfo).toEqual({ status: 'Accepted' });
    });

    it('sends every command of its own (auto-start, local list sync) under the correlation id of the event that caused it', () => {
      expect(correlated.map((each) => each.action)).toEqual(expect.arrayContaining(['GetConfiguration', 'SendLocalList', 'RemoteStartTransaction']));
      for (const each of correlated) expect(each.correlationId, each.action).toMatch(/^authorization-(auto-start|local-list-registry|local-list-tags|local-list-booted):\d+$/);
    });

    it('parks a status event it cannot read, shows it in readiness, and starts the next connector that turns Preparing', async () => {
      const before = commands.length;
      const poison = await ns.nc.jetstream().publish(ns.subjects.event('station', 'AUTO-1', 'ConnectorStatusChanged'), codec.encode({ type: 'ConnectorStatusChanged' }));
      await ns.publish(preparing('AUTO-1', 3));
      await expect.poll(() => commands.length).toBe(before + 1);
      await expect.poll(consumerSettled).toBe(0);
      const readModels = await openReadModels(testEnv(ns.namespace).DATABASE_URL);
      try {
        expect(await readModels.getRepository(ParkedEventRow).findBy({ consumer: AUTO_START_CONSUMER })).toMatchObject([
          // Parked at its first delivery, or at the next when the database was not open yet.
          { sequence: poison.seq, eventType: 'ConnectorStatusChanged', chargePoint: 'AUTO-1', attempts: expect.any(Number), state: 'parked', error: expect.stringContaining('Invalid event') },
        ]);
      } finally {
        await readModels.destroy();
      }
      const ready = await fetch(`http://127.0.0.1:${ns.services[0].healthPort}/health/ready`);
      expect(await ready.json()).toEqual({ status: 'ready', pending: 0, parked: 1 });
    });

    it('does not start a connector with an active transaction, and starts it again once that is stopped', async () => {
      const before = commands.length;
      const { transactionId } = await start(startOf('AUTO-2', { connectorId: 2, idTag: 'AUTO', timestamp: at().toISOString() }));
      await ns.publish(preparing('AUTO-2', 2));
      await expect.poll(consumerSettled).toBe(0);
      expect(commands).toHaveLength(before);

      const stop = { identity: 'AUTO-2', transactionId, meterStop: 1500, timestamp: at().toISOString() };
      expect(await ns.send('stopTransaction', stop)).toEqual({ known: true });
      await ns.publish(preparing('AUTO-2', 2));
      await expect.poll(() => commands.length).toBe(before + 1);
      expect(commands[before]).toEqual({
        identity: 'AUTO-2',
        command: { action: 'RemoteStartTransaction', payload: { connectorId: 2, idTag: 'AUTO' } },
      });
    });

    it('hands a status event that a replica died with to another one within its ack wait', async () => {
      const before = commands.length;
      for (const service of [...ns.services]) await ns.stopService(service);
      await ns.publish(preparing('AUTO-1', 4));
      // Taken as a replica takes it, which then dies before it acknowledges it.
      const consumer = await ns.nc.jetstream().consumers.get(ns.subjects.eventsStream, AUTO_START_CONSUMER);
      expect(await consumer.next({ expires: 5000 })).not.toBeNull();
      await ns.startService();
      await ns.startService();
      await expect.poll(() => commands.length, { timeout: 12_000, interval: 200 }).toBe(before + 1);
      expect(commands[before]).toEqual({ identity: 'AUTO-1', command: { action: 'RemoteStartTransaction', payload: { connectorId: 4, idTag: 'FLEET-CAR' } } });
    });
  });

  it('answers every request it took while a replica shuts down', async () => {
    const requests = Array.from({ length: 40 }, () => authorize('CP-CENTRAL', 'CARD-1'));
    const [replies] = await Promise.all([Promise.all(requests), ns.stopService(ns.services[0])]);
    expect(replies.every((reply) => reply.idTagInfo.status === 'Accepted')).toBe(true);
    expect(ns.services).toHaveLength(1);
  });

  it('keeps its transaction ids across a restart of every replica', async () => {
    const request = startOf('CP-CENTRAL', { connectorId: 3, timestamp: '2026-03-06T08:00:00.000Z' });
    const before = await start(request);
    for (const service of [...ns.services]) await ns.stopService(service);
    await ns.startService();
    expect((await start(request)).transactionId).toBe(before.transactionId);
    const next = await start({ ...request, timestamp: '2026-03-06T09:00:00.000Z' });
    expect(next.transactionId).toBeGreaterThan(before.transactionId);
  });
});

describe('authorization service, UNKNOWN_CHARGE_POINTS=accept', () => {
  const ns = new Namespace({ UNKNOWN_CHARGE_POINTS: 'accept', DEFAULT_START_MODE: 'anyTag' });
  const boot = { vendor: 'Voltstream', model: 'Sim' };

  beforeAll(async () => {
    await ns.open();
    await ns.startService();
    await ns.startService();
  });
  afterAll(() => ns.close());

  const adoptionsOf = async (identity: string) =>
    (await ns.eventsOfType('ChargePointAdopted')).filter((event) => event.metadata.chargePoint === identity);

  it('adopts an unknown charge point with DEFAULT_START_MODE before it answers Accepted', async () => {
    expect(await ns.send('boot', { identity: 'CP.NEW:1', boot })).toEqual({ status: 'Accepted', interval: 300 });
    const adoptions = await adoptionsOf('CP.NEW:1');
    expect(adoptions).toEqual([createEvent('ChargePointAdopted', settings('anyTag'), 'CP.NEW:1', new Date(adoptions[0].metadata.recordedAt))]);
    await expect.poll(() => ns.send('authorize', { identity: 'CP.NEW:1', idTag: 'ANY' })).toEqual({
      idTagInfo: { status: 'Accepted' },
    });
  });

  it('records one adoption when both replicas answer the first boots of a charge point at once', async () => {
    const replies = await Promise.all(Array.from({ length: 8 }, () => ns.send('boot', { identity: 'CP-RACE', boot })));
    expect(replies.every((reply) => reply.status === 'Accepted')).toBe(true);
    expect(await adoptionsOf('CP-RACE')).toHaveLength(1);
  });
});

describe('authorization service, its database of parked events down', () => {
  const ns = new Namespace({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/voltstream_unreachable' });

  beforeAll(async () => {
    await ns.open();
    await ns.startService();
  });
  afterAll(() => ns.close());

  it('answers wallboxes and reports ready, with the parked count unknown', async () => {
    expect(await ns.send('boot', { identity: 'CP-NO-DB', boot: { vendor: 'Voltstream', model: 'Sim' } })).toMatchObject({ status: 'Pending' });
    const ready = await fetch(`http://127.0.0.1:${ns.services[0].healthPort}/health/ready`);
    expect({ status: ready.status, body: await ready.json() }).toEqual({ status: 200, body: { status: 'ready', pending: 0, parked: null } });
  });
});
