import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { VoltstreamEvent } from '@voltstream/contracts';
import { GatewayRegistry, type GatewayRegistration } from '@voltstream/gateway';
import { followEvents } from '@voltstream/nats';
import { NatsLink } from './nats-link';

/**
 * The registry in memory, followed from the event log, so that a handshake is decided without a
 * lookup. Only the `registry` category: the gateway needs adoption, password and relaxations, not
 * the central tag list (that is the authorization service's). Start-up waits until it caught up:
 * a handshake decided on a half-read registry could let a wallbox in without its password.
 */
@Injectable()
export class RegistryFollower implements OnModuleInit, OnModuleDestroy {
  private readonly view = new GatewayRegistry();
  private readonly adoptionListeners: ((identity: string) => void)[] = [];
  private follower: { stop(): Promise<void> } | undefined;
  private caughtUp = false;

  constructor(private readonly nats: NatsLink) {}

  async onModuleInit(): Promise<void> {
    const { nc, subjects } = this.nats;
    this.follower = await followEvents(nc, subjects.eventsStream, subjects.eventsOf('registry'), ({ event }) => this.apply(event));
    this.caughtUp = true;
  }

  async onModuleDestroy(): Promise<void> {
    await this.follower?.stop();
  }

  get isCaughtUp(): boolean {
    return this.caughtUp;
  }

  registration(identity: string): GatewayRegistration | undefined {
    return this.view.registration(identity);
  }

  /** Called for each ChargePointAdopted recorded after start-up. */
  onAdopted(listener: (identity: string) => void): void {
    this.adoptionListeners.push(listener);
  }

  private apply(event: VoltstreamEvent): void {
    this.view.apply(event);
    if (event.type !== 'ChargePointAdopted' || !this.caughtUp) return;
    for (const listener of this.adoptionListeners) listener(event.metadata.chargePoint as string);
  }
}
