import type { LoggerService } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { JSONCodec, type Msg, type NatsConnection, type Subscription } from 'nats';
import {
  parseLocalListRequest,
  type LocalListEvent,
  type LocalListRequest,
  type Subjects,
  type VoltstreamEvent,
  type WallboxCommandReply,
} from '@voltstream/contracts';
import { decideSync, evolveLocalList, foldLocalList, usesCentralList, type LocalListState, type SyncPlan, type SyncRequest } from '@voltstream/domain';
import { eventCorrelationId } from '@voltstream/logging';
import { CORRELATION_ID_HEADER, decodeEvent, EventPublisher, isConcurrentAppend, readAggregate } from '@voltstream/nats';
import type { ParkedEvents } from '@voltstream/read-models';
import type { RegistryFollower } from './registry-follower';
import { SharedConsumer } from './shared-consumer';
import { SystemCommands } from './system-commands';

/** The durable consumers of the local list sync (nats-server 2.9: one filter each), shared by every replica. */
export const LOCAL_LIST_CONSUMERS = {
  registry: 'authorization-local-list-registry',
  tags: 'authorization-local-list-tags',
  booted: 'authorization-local-list-booted',
} as const;
/** Another replica appended to the same local list meanwhile: fold again and decide again, this often. */
const APPEND_ATTEMPTS = 3;
const MAX_LENGTH_KEYS = ['SendLocalListMaxLength'];
const codec = JSONCodec();

interface LocalListHistory {
  state: LocalListState;
  /** Stream sequence of its last event: what the next append expects. */
  version: number;
}

/**
 * Local Auth List Management (SPEC §9): keeps every charge point's local list as its start mode
 * and the tag lists want it. Triggered by the event log — a registry or tag change, a boot — through durable consumers shared by the replicas (one replica handles each event), and
 * by operators (`localListRequests`, one replica per request). What it learns is appended to the
 * charge point's local list aggregate, so its state is the fold of those events. Its commands carry
 * the correlation id of their cause: the event's, or the operator request's.
 */
export class LocalListSyncer {
  private readonly commands: SystemCommands;
  private readonly publisher: EventPublisher;
  private readonly consumers: SharedConsumer[];
  private readonly queues = new Map<string, Promise<unknown>>();
  private requests: Subscription | undefined;

  constructor(
    private readonly nc: NatsConnection,
    private readonly subjects: Subjects,
    private readonly registry: RegistryFollower,
    parked: ParkedEvents,
    commandTimeoutMs: number,
    private readonly logger: LoggerService,
  ) {
    this.commands = new SystemCommands(nc, subjects, commandTimeoutMs, logger);
    this.publisher = new EventPublisher(nc, subjects);
    const consumer = (name: string, filter: string) => new SharedConsumer(nc, subjects, name, filter, parked, logger);
    this.consumers = [
      consumer(LOCAL_LIST_CONSUMERS.registry, subjects.eventsOf('registry')),
      consumer(LOCAL_LIST_CONSUMERS.tags, subjects.eventsOf('tags')),
      consumer(LOCAL_LIST_CONSUMERS.booted, subjects.eventsOfType('station', 'ChargePointBooted')),
    ];
  }

  async start(): Promise<void> {
    await Promise.all(
      this.consumers.map((consumer) => consumer.start((sequence, data) => this.handleEvent(eventCorrelationId(consumer.name, sequence), sequence, data))),
    );
    this.requests = this.nc.subscribe(this.subjects.localListRequests, {
      queue: this.subjects.authorizationQueue,
      callback: (_error, message) => void this.answer(message),
    });
  }

  async stop(): Promise<void> {
    this.requests?.unsubscribe();
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
  }

  private async handleEvent(correlationId: string, sequence: number, data: Uint8Array): Promise<void> {
    const event = decodeEvent(data);
    const at = new Date(event.metadata.recordedAt);
    for (const identity of await this.concernedBy(event, sequence)) {
      const outcome = await this.inTurn(identity, () => this.sync(identity, requestOf(event), at, correlationId));
      if (outcome.outcome !== 'result' && outcome.outcome !== 'offline') this.logger.warn({ identity, sequence, correlationId, ...outcome, msg: 'local list not synced' });
    }
  }

  /**
   * The charge points whose list an event may change or that may now take a sync. A wallbox is
   * synced once its BootNotification is accepted (after every connection: a wallbox boots on
   * connecting), not at the connection itself: OCPP 1.6 has the central system wait for the boot,
   * and a wallbox that is still Pending or Rejected has no list to keep. This is a choice: a call
   * sent at the connection is answered (the simulator once dropped a CALL that came in the same
   * read as the handshake answer; libs/simulator/src/connection.spec.ts).
   */
  private async concernedBy(event: VoltstreamEvent, sequence: number): Promise<string[]> {
    const identity = event.metadata.chargePoint;
    switch (event.type) {
      case 'TagSaved':
      case 'TagRemoved': {
        await this.registry.waitFor('tags', sequence);
        const registrations = [...this.registry.view.allRegistrations()];
        return registrations.filter((registration) => usesCentralList(registration.settings.startMode)).map((registration) => registration.identity);
      }
      case 'ChargePointAdopted':
      case 'ChargePointSettingsChanged':
      case 'LocalTagSaved':
      case 'LocalTagRemoved':
        await this.registry.waitFor('registry', sequence);
        return [identity as string];
      case 'ChargePointBooted':
        return event.data.registrationStatus === 'Accepted' ? [identity as string] : [];
      default:
        return [];
    }
  }

  /** One sync at a time per charge point on this replica; other replicas are kept apart by expected versions. */
  private inTurn<T>(identity: string, work: () => Promise<T>): Promise<T> {
    const done = (this.queues.get(identity) ?? Promise.resolve()).then(work);
    const settled = done.catch(() => undefined);
    this.queues.set(identity, settled);
    void settled.then(() => {
      if (this.queues.get(identity) === settled) this.queues.delete(identity);
    });
    return done;
  }

  private async answer(message: Msg): Promise<void> {
    let reply: WallboxCommandReply;
    try {
      const request = parseLocalListRequest(message.data);
      // The API names every request; a client that does not still gets an id its commands share.
      const correlationId = message.headers?.get(CORRELATION_ID_HEADER) || `local-list-request:${randomUUID()}`;
      reply = await this.inTurn(request.identity, () => this.operatorRequest(request, correlationId));
    } catch (error) {
      reply = { outcome: 'invalid', reason: String(error) };
    }
    message.respond(codec.encode(reply));
  }

  private operatorRequest(request: LocalListRequest, correlationId: string): Promise<WallboxCommandReply> {
    if (request.action === 'version') return this.readVersion(request.identity, correlationId);
    return this.sync(request.identity, { trigger: 'operator', full: request.full, empty: request.empty }, new Date(), correlationId);
  }

  /** Folds the list, decides, records the new version, sends the chunks; again when another replica appended first. */
  private async sync(identity: string, request: SyncRequest, at: Date, correlationId: string): Promise<WallboxCommandReply> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.syncOnce(identity, request, at, correlationId);
      } catch (error) {
        if (!isConcurrentAppend(error) || attempt >= APPEND_ATTEMPTS) throw error;
      }
    }
  }

  private async syncOnce(identity: string, request: SyncRequest, at: Date, correlationId: string): Promise<WallboxCommandReply> {
    const registration = this.registry.view.registration(identity);
    if (!registration) return { outcome: 'invalid', reason: `charge point ${identity} is not adopted` };
    let history = await this.history(identity);
    const decide = () => decideSync(registration, this.registry.view.allCentralTags(), history.state, request, at);
    const { changed } = decide();
    if (changed) history = await this.append(identity, history, { type: 'LocalListChanged', data: changed });
    if (!decide().plan) return { outcome: 'result', payload: { status: 'InSync', version: history.state.wantedVersion } };
    if (history.state.maxLength === undefined) {
      const read = await this.readMaxLength(identity, correlationId);
      if (read.outcome === 'offline' || read.outcome === 'timeout') return read;
      history = await this.append(identity, history, { type: 'LocalListMaxLengthRead', data: { maxLength: maxLengthOf(read) } });
    }
    const plan = decide().plan as SyncPlan;
    const sent = await this.send(identity, history, plan, correlationId);
    const mismatch = sent.outcome === 'result' && (sent.payload.status === 'VersionMismatch' || sent.payload.status === 'Failed');
    // VersionMismatch and Failed leave what the wallbox holds unknown: the full list follows at once.
    if (mismatch && plan.updateType === 'Differential') return this.syncOnce(identity, { ...request, full: true }, at, correlationId);
    return sent;
  }

  /** The chunks in order, each answer recorded; stops at the first that is not Accepted. */
  private async send(identity: string, start: LocalListHistory, plan: SyncPlan, correlationId: string): Promise<WallboxCommandReply> {
    let history = start;
    let status = 'Accepted';
    for (const [index, chunk] of plan.chunks.entries()) {
      const payload = { listVersion: plan.version, updateType: chunk.updateType, localAuthorizationList: chunk.entries };
      const reply = await this.commands.send(identity, { action: 'SendLocalList', payload }, correlationId);
      const answer = statusOf(reply);
      if (answer === undefined) return reply;
      status = answer;
      const complete = index === plan.chunks.length - 1;
      history = await this.append(identity, history, { type: 'LocalListSent', data: { version: plan.version, ...chunk, complete, status } });
      if (status !== 'Accepted') break;
    }
    return { outcome: 'result', payload: { status, version: plan.version, updateType: plan.updateType, chunks: plan.chunks.length } };
  }

  private async readVersion(identity: string, correlationId: string): Promise<WallboxCommandReply> {
    const reply = await this.commands.send(identity, { action: 'GetLocalListVersion', payload: {} }, correlationId);
    const listVersion = reply.outcome === 'result' ? reply.payload.listVersion : undefined;
    if (typeof listVersion !== 'number') return reply;
    await this.append(identity, await this.history(identity), { type: 'LocalListVersionReported', data: { listVersion } });
    return reply;
  }

  private readMaxLength(identity: string, correlationId: string): Promise<WallboxCommandReply> {
    return this.commands.send(identity, { action: 'GetConfiguration', payload: { key: MAX_LENGTH_KEYS } }, correlationId);
  }

  private async history(identity: string): Promise<LocalListHistory> {
    const subject = this.subjects.localList(identity);
    const { events, version } = await readAggregate(this.nc, this.subjects.eventsStream, { subject, history: subject });
    return { state: foldLocalList(events as LocalListEvent[]), version };
  }

  private async append(identity: string, history: LocalListHistory, fact: Pick<LocalListEvent, 'type' | 'data'>): Promise<LocalListHistory> {
    const event = { ...fact, version: 1, metadata: { chargePoint: identity, recordedAt: new Date().toISOString() } } as LocalListEvent;
    const ack = await this.publisher.append(event, history.version);
    return { state: evolveLocalList(history.state, event), version: ack.seq };
  }
}

/** A boot is a new chance for a wallbox that said NotSupported; a start mode change sends the whole list. */
function requestOf(event: VoltstreamEvent): SyncRequest {
  if (event.type === 'ChargePointBooted') return { trigger: 'boot' };
  return { trigger: 'automatic', full: event.type === 'ChargePointSettingsChanged' };
}

/** The wallbox's SendLocalList status; a CALLERROR NotSupported/NotImplemented counts as NotSupported; undefined: no answer to record. */
function statusOf(reply: WallboxCommandReply): string | undefined {
  if (reply.outcome === 'result') return typeof reply.payload.status === 'string' ? reply.payload.status : undefined;
  if (reply.outcome === 'callError' && (reply.code === 'NotSupported' || reply.code === 'NotImplemented')) return 'NotSupported';
  return undefined;
}

/** SendLocalListMaxLength from a GetConfiguration answer; null when the wallbox does not tell (or not as a number). */
function maxLengthOf(reply: WallboxCommandReply): number | null {
  if (reply.outcome !== 'result' || !Array.isArray(reply.payload.configurationKey)) return null;
  const entry = (reply.payload.configurationKey as { key?: unknown; value?: unknown }[]).find((each) => each.key === MAX_LENGTH_KEYS[0]);
  const value = Number(entry?.value);
  return Number.isInteger(value) && value > 0 && value <= 2 ** 31 - 1 ? value : null;
}
