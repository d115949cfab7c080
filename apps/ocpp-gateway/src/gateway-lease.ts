import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { lostConnections } from '@voltstream/gateway';
import { HeldLease, lastEventPerSubject, LeaseWatcher, openLeaseBucket } from '@voltstream/nats';
import { GATEWAY_OPTIONS, type GatewayOptions } from './gateway-options';
import { NatsLink } from './nats-link';

/** Disconnects recorded at once: a lost pod may have held tens of thousands of wallboxes. */
const RECORDED_TOGETHER = 500;

/**
 * No ghosts: this pod holds a lease in the `gatewayLeasesBucket` while it runs, and watches the
 * other pods' leases. When a pod dies without a goodbye (kill -9, node loss), its lease lapses
 * after GATEWAY_LEASE_TTL; one watching pod claims it and records the disconnects the lost pod
 * never did, so its wallboxes show offline. A pod that finds its own lease claimed (it was too
 * slow, or cut off from NATS) has had its wallboxes recorded offline: it closes their connections
 * so that they come back, and are recorded, anew.
 */
@Injectable()
export class GatewayLease implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(GatewayLease.name);
  private readonly lostListeners: (() => void)[] = [];
  private held: HeldLease | undefined;
  private watcher: LeaseWatcher | undefined;

  constructor(
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
    private readonly nats: NatsLink,
  ) {}

  async onModuleInit(): Promise<void> {
    const kv = await openLeaseBucket(this.nats.nc, this.nats.subjects.gatewayLeasesBucket, this.options.config.natsReplicas);
    const holder = this.options.gatewayId;
    const ttlMs = this.options.config.gatewayLeaseTtl * 1000;
    this.held = await HeldLease.acquire(kv, holder, ttlMs, () => this.lost());
    this.watcher = await LeaseWatcher.start(kv, {
      holder,
      ttlMs,
      onLapsed: (gatewayId) => this.recordLost(gatewayId),
      warn: (message) => this.logger.warn(message),
    });
  }

  /** Called when this pod's lease was claimed by another. */
  onLost(listener: () => void): void {
    this.lostListeners.push(listener);
  }

  /**
   * On shutdown, once the wallboxes are closed: gives the lease back when every disconnect was
   * recorded; otherwise leaves it to lapse, so that another pod records the missing ones.
   */
  async release(everyDisconnectRecorded: boolean): Promise<void> {
    this.watcher?.stop();
    if (!everyDisconnectRecorded) return this.held?.stop();
    await this.held?.release().catch((error: unknown) => this.logger.warn(`the lease could not be given back, it will lapse: ${String(error)}`));
  }

  onApplicationShutdown(): void {
    this.watcher?.stop();
    this.held?.stop();
  }

  private lost(): void {
    this.logger.warn('another pod found this pod\'s lease lapsed and recorded its wallboxes offline: closing them so they reconnect');
    for (const listener of this.lostListeners) listener();
  }

  private async recordLost(gatewayId: string): Promise<void> {
    const { nc, subjects, publisher } = this.nats;
    const claimedAt = (await (await nc.jetstreamManager()).streams.info(subjects.eventsStream)).state.last_seq;
    const [connected, disconnected] = await Promise.all([
      lastEventPerSubject(nc, subjects.eventsStream, subjects.eventsOfType('station', 'ChargePointConnected')),
      lastEventPerSubject(nc, subjects.eventsStream, subjects.eventsOfType('station', 'ChargePointDisconnected')),
    ]);
    const lost = lostConnections(gatewayId, claimedAt, connected, disconnected, new Date());
    for (let start = 0; start < lost.length; start += RECORDED_TOGETHER) {
      await Promise.all(lost.slice(start, start + RECORDED_TOGETHER).map(({ event, messageId }) => publisher.publish(event, messageId)));
    }
    this.logger.warn(`gateway pod ${gatewayId} was lost without a goodbye: ${lost.length} of its connections recorded closed`);
  }
}
