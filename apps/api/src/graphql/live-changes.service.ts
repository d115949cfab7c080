import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Subjects, VoltstreamEvent } from '@voltstream/contracts';
import { followEvents, type StoredEvent } from '@voltstream/nats';
import type { NatsConnection } from 'nats';
import type { ChargePointView, ConnectorView } from '../charge-points/charge-point.view';
import { ChargePointsService } from '../charge-points/charge-points.service';
import { ProjectionWatermark } from '../infrastructure/projection-watermark.service';
import { NATS_CONNECTION, SUBJECTS } from '../infrastructure/tokens';
import { ChangeStream } from './change-stream';
import { changedConnectorIds, changesChargePoint } from './live-events';

export interface ConnectorChange {
  chargePointIdentity: string;
  connector: ConnectorView;
}

/** A fleet-wide change; the first, without a charge point, says the changes are followed and the read models hold everything before. */
export interface FleetChange {
  chargePoint: ChargePointView | null;
}

interface Watch<T> {
  /** undefined: every charge point */
  identity: string | undefined;
  stream: ChangeStream<T>;
}

type Follower = Awaited<ReturnType<typeof followEvents>>;

/**
 * Live changes of charge points and connectors for GraphQL subscriptions. While anyone watches, it
 * follows the event log from its end; for an event about a watched charge point it waits until the
 * projection has applied it and hands out the fresh read-model rows. Nobody watching: no consumer.
 */
@Injectable()
export class LiveChanges implements OnModuleDestroy {
  private readonly logger = new Logger(LiveChanges.name);
  private readonly chargePointWatches = new Set<Watch<ChargePointView>>();
  private readonly connectorWatches = new Set<Watch<ConnectorChange>>();
  private follower: Promise<Follower> | null = null;
  private pending: StoredEvent[] = [];
  private draining = false;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SUBJECTS) private readonly subjects: Subjects,
    private readonly chargePoints: ChargePointsService,
    private readonly watermark: ProjectionWatermark,
  ) {}

  /** Resolves once the changes are followed: every event appended afterwards is seen. */
  chargePointChanges(identity?: string): Promise<AsyncIterableIterator<ChargePointView>> {
    return this.watch(this.chargePointWatches, identity);
  }

  /**
   * One charge point as it is now, then as it is after each change: read once its changes are followed
   * and the read models hold every event appended before, so that no change falls between the two.
   */
  async chargePointNowAndChanges(identity: string): Promise<AsyncIterableIterator<ChargePointView>> {
    const stream = await this.watch(this.chargePointWatches, identity);
    try {
      await this.readModelsHoldAllAppended();
      const now = await this.chargePoints.find(identity);
      if (now) stream.push(now);
    } catch (error) {
      await stream.return();
      throw error;
    }
    return stream;
  }

  /**
   * Every charge point's changes, after a first change without a charge point once the read models
   * include every event appended before the changes were followed: a client that reads the fleet after
   * that first change and applies the later ones on its read misses nothing. Another change without a
   * charge point later (the client lagged 1,000 changes behind) asks it to read again.
   */
  async fleetChanges(): Promise<AsyncIterableIterator<FleetChange>> {
    const changes = await this.watch(this.chargePointWatches, undefined);
    // A client that lags far behind is told to read the fleet again rather than lose changes.
    const fleet = new ChangeStream<FleetChange>(() => void changes.return(), { chargePoint: null });
    try {
      await this.readModelsHoldAllAppended();
    } catch (error) {
      await fleet.return();
      throw error;
    }
    fleet.push({ chargePoint: null });
    void forward(changes, fleet);
    return fleet;
  }

  /**
   * Once changes are followed, an event appended before is either followed too or not yet projected:
   * a read made after this holds it.
   */
  private async readModelsHoldAllAppended(): Promise<void> {
    const jsm = await this.nc.jetstreamManager();
    await this.watermark.reached((await jsm.streams.info(this.subjects.eventsStream)).state.last_seq);
  }

  connectorChanges(identity?: string): Promise<AsyncIterableIterator<ConnectorChange>> {
    return this.watch(this.connectorWatches, identity);
  }

  async onModuleDestroy(): Promise<void> {
    const stopping = this.stopFollowing();
    for (const watch of [...this.chargePointWatches, ...this.connectorWatches]) await watch.stream.return();
    await stopping;
  }

  private async watch<T>(watches: Set<Watch<T>>, identity: string | undefined): Promise<ChangeStream<T>> {
    const watch: Watch<T> = { identity, stream: new ChangeStream(() => this.unwatch(watches, watch)) };
    watches.add(watch);
    try {
      await this.follow();
    } catch (error) {
      await watch.stream.return();
      throw error;
    }
    return watch.stream;
  }

  private unwatch<T>(watches: Set<Watch<T>>, watch: Watch<T>): void {
    watches.delete(watch);
    if (this.chargePointWatches.size + this.connectorWatches.size > 0) return;
    this.stopFollowing().catch((error: unknown) => this.logger.warn(`Could not stop following the event log: ${String(error)}`));
  }

  private follow(): Promise<Follower> {
    this.follower ??= this.startFollowing().catch((error: unknown) => {
      this.follower = null;
      throw error;
    });
    return this.follower;
  }

  private async startFollowing(): Promise<Follower> {
    const jsm = await this.nc.jetstreamManager();
    const { state } = await jsm.streams.info(this.subjects.eventsStream);
    const fromEnd = state.last_seq + 1;
    return followEvents(this.nc, this.subjects.eventsStream, this.subjects.allEvents, (stored) => this.onEvent(stored), fromEnd);
  }

  private async stopFollowing(): Promise<void> {
    const follower = this.follower;
    this.follower = null;
    if (follower) await (await follower).stop();
  }

  private onEvent(stored: StoredEvent): void {
    const identity = stored.event.metadata.chargePoint;
    if (identity === null || !changesChargePoint(stored.event) || !this.isWatched(identity)) return;
    this.pending.push(stored);
    this.drain();
  }

  private isWatched(identity: string): boolean {
    return watching(this.chargePointWatches, identity).length + watching(this.connectorWatches, identity).length > 0;
  }

  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    void this.publishPending().finally(() => {
      this.draining = false;
      if (this.pending.length > 0) this.drain();
    });
  }

  /** One wait for the projection and one read per batch: a fleet's worth of changes a second is one query, not one each. */
  private async publishPending(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      try {
        await this.watermark.reached(batch[batch.length - 1].sequence);
        const changed = byChargePoint(batch);
        for (const chargePoint of await this.chargePoints.findMany([...changed.keys()])) {
          this.publish(chargePoint, changed.get(chargePoint.identity) ?? []);
        }
      } catch (error) {
        this.logger.error(`Live changes of ${batch.length} events are lost: ${String(error)}`);
      }
    }
  }

  private publish(chargePoint: ChargePointView, events: VoltstreamEvent[]): void {
    const { identity } = chargePoint;
    for (const watch of watching(this.chargePointWatches, identity)) watch.stream.push(chargePoint);
    const changed = changedConnectorIds(events, chargePoint.connectors);
    for (const connector of chargePoint.connectors.filter(({ connectorId }) => changed.has(connectorId))) {
      for (const watch of watching(this.connectorWatches, identity)) watch.stream.push({ chargePointIdentity: identity, connector });
    }
  }
}

function watching<T>(watches: Set<Watch<T>>, identity: string): Watch<T>[] {
  return [...watches].filter((watch) => watch.identity === undefined || watch.identity === identity);
}

/** Only events about a charge point are queued, so each has one. */
function byChargePoint(batch: StoredEvent[]): Map<string, VoltstreamEvent[]> {
  const grouped = new Map<string, VoltstreamEvent[]>();
  for (const { event } of batch) {
    const identity = event.metadata.chargePoint as string;
    const events = grouped.get(identity) ?? [];
    events.push(event);
    grouped.set(identity, events);
  }
  return grouped;
}

async function forward(changes: AsyncIterable<ChargePointView>, fleet: ChangeStream<FleetChange>): Promise<void> {
  for await (const chargePoint of changes) fleet.push({ chargePoint });
  await fleet.return();
}
