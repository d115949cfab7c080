import type { Subscription } from 'nats';
import { expect } from 'vitest';
import { ACCEPT_ALL, standInForAuthorization } from './authorization-stand-in';
import { GatewayProcess } from '@voltstream/testing';
import { GatewayTestbed } from './gateway-under-test';
import { TestWallbox } from './wallbox';

/**
 * A gateway process of its own (`npm run build` first), an authorization stand-in that accepts
 * everything, and a healthy wallbox that did nothing wrong, to show the pod still serves it.
 */
export class PodUnderAttack {
  readonly testbed = new GatewayTestbed();
  pod!: GatewayProcess;
  healthy!: TestWallbox;
  private stand: Subscription[] = [];
  private exited = false;

  async start(): Promise<void> {
    await this.testbed.setUp();
    this.stand = standInForAuthorization(this.testbed.nc, this.testbed.subjects, ACCEPT_ALL);
    this.pod = await GatewayProcess.start(this.testbed.env());
    void this.pod.exited.then(() => (this.exited = true));
    this.healthy = await TestWallbox.open(this.pod.url, 'HEALTHY-1');
  }

  /** The process still runs and answers the healthy wallbox's Heartbeat. */
  async expectServing(): Promise<void> {
    expect((await this.healthy.call('Heartbeat', {}))[0]).toBe(3);
    expect(this.exited).toBe(false);
  }

  async stop(): Promise<void> {
    await this.healthy?.close();
    await this.pod?.stop();
    for (const subscription of this.stand) subscription.unsubscribe();
    await this.testbed.tearDown();
  }
}
