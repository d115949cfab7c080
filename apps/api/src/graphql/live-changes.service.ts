import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Subjects, VoltstreamEvent } from '@voltstream/contracts';
import { followEvents, type StoredEvent } from '@voltstream/nats';
import type { NatsConnection } from 'nats';
import type { ChargePointView, ConnectorView } from '../charge-points/charge-point.view';
import { ChargePointsService } from '../charge-points/charge-points.service';
import type { ChargingProfileView } from '../charging-profiles/charging-profile.view';
import { ChargingProfilesService } from '../charging-profiles/charging-profiles.service';
import type { InstalledCertificateView } from '../certificates/certificate.view';
import { InstalledCertificatesService } from '../certificates/installed-certificates.service';
import type { ReceivedDataTransferView } from '../data-transfers/data-transfer.view';
import { DataTransfersService } from '../data-transfers/data-transfers.service';
import type { LocalListView } from '../local-list/local-list.view';
import { LocalListService } from '../local-list/local-list.service';
import type { ReservationView } from '../reservations/reservation.view';
import { ReservationsService } from '../reservations/reservations.service';
import type { ReceivedSecurityEventView } from '../security-events/security-event.view';
import { SecurityEventsService } from '../security-events/security-events.service';
import { ProjectionWatermark } from '../infrastructure/projection-watermark.service';
import { NATS_CONNECTION, SUBJECTS } from '../infrastructure/tokens';
import { ChangeStream } from './change-stream';
import { changedConnectorIds, changedReservationIds, changesChargePoint, changesInstalledCertificates, changesLocalList, mayChangeChargingProfiles } from './live-events';
import { LiveFeed, stateOfEach, watching, type AnyLiveFeed, type Watch } from './live-feed';

export interface ConnectorChange {
  chargePointIdentity: string;
  connector: ConnectorView;
}

/** A fleet-wide change; the first, without a charge point, says the changes are followed and the read models hold everything before. */
export interface FleetChange {
  chargePoint: ChargePointView | null;
}

/** Where a charge point's local list stands after a change. */
export interface LocalListChange {
  chargePointIdentity: string;
  localList: LocalListView;
}

/** Every charging profile a charge point holds after a change. */
export interface ChargingProfilesChange {
  chargePointIdentity: string;
  profiles: ChargingProfileView[];
}

/** Every certificate a wallbox is believed to hold after one of its answers. */
export interface InstalledCertificatesChange {
  chargePointIdentity: string;
  certificates: InstalledCertificateView[];
}

type Follower = Awaited<ReturnType<typeof followEvents>>;

/**
 * Live changes of charge points and connectors, reservations, charging profiles, local lists, DataTransfers,
 * security events and installed certificates for
 * GraphQL subscriptions. While anyone watches, it follows the event log from its end; for an event
 * about a watched charge point it waits until the projection has applied it and hands out the fresh
 * read-model rows. Nobody watching: no consumer.
 */
@Injectable()
export class LiveChanges implements OnModuleDestroy {
  private readonly logger = new Logger(LiveChanges.name);
  private readonly chargePointWatches = new Set<Watch<ChargePointView>>();
  private readonly connectorWatches = new Set<Watch<ConnectorChange>>();
  private readonly reservationFeed: LiveFeed<ReservationView>;
  private readonly chargingProfilesFeed: LiveFeed<ChargingProfilesChange>;
  private readonly dataTransferFeed: LiveFeed<ReceivedDataTransferView>;
  private readonly localListFeed: LiveFeed<LocalListChange>;
  private readonly securityEventFeed: LiveFeed<ReceivedSecurityEventView>;
  private readonly installedCertificatesFeed: LiveFeed<InstalledCertificatesChange>;
  private follower: Promise<Follower> | null = null;
  private pending: StoredEvent[] = [];
  private draining = false;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SUBJECTS) private readonly subjects: Subjects,
    private readonly chargePoints: ChargePointsService,
    private readonly watermark: ProjectionWatermark,
    private readonly reservations: ReservationsService,
    private readonly chargingProfiles: ChargingProfilesService,
    dataTransfers: DataTransfersService,
    private readonly localLists: LocalListService,
    securityEvents: SecurityEventsService,
    private readonly installedCertificates: InstalledCertificatesService,
  ) {
    this.reservationFeed = new LiveFeed({
      concerns: (event) => changedReservationIds([event]).size > 0,
      read: async (events) => {
        const changed = await reservations.findMany([...changedReservationIds(events.map(({ event }) => event))]);
        return changed.map((reservation) => [reservation.chargePointIdentity, reservation]);
      },
    });
    this.chargingProfilesFeed = new LiveFeed(stateOfEach(mayChangeChargingProfiles, (identity) => this.profilesOf(identity)));
    this.localListFeed = new LiveFeed(stateOfEach(changesLocalList, (identity) => this.localListOf(identity)));
    this.dataTransferFeed = new LiveFeed({
      concerns: (event) => event.type === 'DataTransferReceived',
      read: async (events) => {
        const received = await dataTransfers.findMany(events.map(({ sequence }) => sequence));
        return received.map((transfer) => [transfer.chargePointIdentity, transfer]);
      },
    });
    this.securityEventFeed = new LiveFeed({
      concerns: (event) => event.type === 'SecurityEventReported',
      read: async (events) => {
        const reported = await securityEvents.findMany(events.map(({ sequence }) => sequence));
        return reported.map((received) => [received.chargePointIdentity, received]);
      },
    });
    this.installedCertificatesFeed = new LiveFeed(stateOfEach(changesInstalledCertificates, (identity) => this.certificatesOf(identity)));
  }

  private get feeds(): AnyLiveFeed[] {
    return [this.reservationFeed, this.chargingProfilesFeed, this.dataTransferFeed, this.localListFeed, this.securityEventFeed, this.installedCertificatesFeed];
  }

  /** Resolves once the changes are followed: every event appended afterwards is seen. */
  chargePointChanges(identity?: string): Promise<AsyncIterableIterator<ChargePointView>> {
    return this.watch(this.chargePointWatches, identity);
  }

  /**
   * One charge point as it is now, then as it is after each change: read once its changes are followed
   * and the read models hold every event appended before, so that no change falls between the two.
   */
  chargePointNowAndChanges(identity: string): Promise<AsyncIterableIterator<ChargePointView>> {
    return this.nowAndChanges(this.chargePointWatches, identity, async () => {
      const now = await this.chargePoints.find(identity);
      return now ? [now] : [];
    });
  }

  /** Each reservation as it is after each step (requested, answered, used, cancelled, expired). */
  reservationChanges(identity?: string): Promise<AsyncIterableIterator<ReservationView>> {
    return this.watch(this.reservationFeed.watches, identity);
  }

  /** One charge point's newest reservations as they are now (as the reservations query lists them), then each as it is after each step; as chargePointNowAndChanges. */
  reservationsNowAndChanges(identity: string): Promise<AsyncIterableIterator<ReservationView>> {
    return this.nowAndChanges(this.reservationFeed.watches, identity, () => this.reservations.list({ chargePoint: identity }));
  }

  /** Every profile a charge point holds, after each event that may change them. */
  chargingProfilesChanges(identity?: string): Promise<AsyncIterableIterator<ChargingProfilesChange>> {
    return this.watch(this.chargingProfilesFeed.watches, identity);
  }

  /** One charge point's profiles as they are now, then after each change; as chargePointNowAndChanges. */
  chargingProfilesNowAndChanges(identity: string): Promise<AsyncIterableIterator<ChargingProfilesChange>> {
    return this.nowAndChanges(this.chargingProfilesFeed.watches, identity, async () => [await this.profilesOf(identity)]);
  }

  /** Where a charge point's local list stands, after each of its events. */
  localListChanges(identity?: string): Promise<AsyncIterableIterator<LocalListChange>> {
    return this.watch(this.localListFeed.watches, identity);
  }

  /** Where one charge point's local list stands now, then after each change; as chargePointNowAndChanges. */
  localListNowAndChanges(identity: string): Promise<AsyncIterableIterator<LocalListChange>> {
    return this.nowAndChanges(this.localListFeed.watches, identity, async () => [await this.localListOf(identity)]);
  }

  /** Each DataTransfer a wallbox sends, once it is listed. */
  dataTransfersReceived(identity?: string): Promise<AsyncIterableIterator<ReceivedDataTransferView>> {
    return this.watch(this.dataTransferFeed.watches, identity);
  }

  /** Each security event a wallbox reports, once it is listed. */
  securityEventsReceived(identity?: string): Promise<AsyncIterableIterator<ReceivedSecurityEventView>> {
    return this.watch(this.securityEventFeed.watches, identity);
  }

  /** Every certificate a charge point is believed to hold, after each of its answers about them. */
  installedCertificatesChanges(identity?: string): Promise<AsyncIterableIterator<InstalledCertificatesChange>> {
    return this.watch(this.installedCertificatesFeed.watches, identity);
  }

  /** One charge point's certificates now, then after each change; as chargePointNowAndChanges. */
  installedCertificatesNowAndChanges(identity: string): Promise<AsyncIterableIterator<InstalledCertificatesChange>> {
    return this.nowAndChanges(this.installedCertificatesFeed.watches, identity, async () => [await this.certificatesOf(identity)]);
  }

  /** What `readNow` reads once the changes are followed and the read models hold every event appended before: no change falls between the two. */
  private async nowAndChanges<T>(watches: Set<Watch<T>>, identity: string, readNow: () => Promise<T[]>): Promise<AsyncIterableIterator<T>> {
    const stream = await this.watch(watches, identity);
    try {
      await this.readModelsHoldAllAppended();
      for (const value of await readNow()) stream.push(value);
    } catch (error) {
      await stream.return();
      throw error;
    }
    return stream;
  }

  private async profilesOf(identity: string): Promise<ChargingProfilesChange> {
    return { chargePointIdentity: identity, profiles: await this.chargingProfiles.installed(identity) };
  }

  private async certificatesOf(identity: string): Promise<InstalledCertificatesChange> {
    return { chargePointIdentity: identity, certificates: await this.installedCertificates.held(identity) };
  }

  private async localListOf(identity: string): Promise<LocalListChange> {
    return { chargePointIdentity: identity, localList: await this.localLists.find(identity) };
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
    for (const feed of this.feeds) await feed.end();
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
    if (this.chargePointWatches.size + this.connectorWatches.size + this.feeds.reduce((sum, feed) => sum + feed.watches.size, 0) > 0) return;
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
    if (identity === null || !(this.changesWatchedChargePoint(identity, stored.event) || this.feeds.some((feed) => feed.wants(identity, stored.event)))) return;
    this.pending.push(stored);
    this.drain();
  }

  private changesWatchedChargePoint(identity: string, event: VoltstreamEvent): boolean {
    return changesChargePoint(event) && watching(this.chargePointWatches, identity).length + watching(this.connectorWatches, identity).length > 0;
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
        const changed = byChargePoint(batch.filter(({ event }) => this.changesWatchedChargePoint(event.metadata.chargePoint as string, event)));
        if (changed.size > 0) {
          for (const chargePoint of await this.chargePoints.findMany([...changed.keys()])) this.publish(chargePoint, changed.get(chargePoint.identity) ?? []);
        }
        for (const feed of this.feeds) await feed.publish(batch);
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
