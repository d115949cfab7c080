import type { NatsConnection } from 'nats';
import type { Subjects } from '@voltstream/contracts';
import { RegistryView } from '@voltstream/domain';
import { followEvents, type StoredEvent } from '@voltstream/nats';

export class RegistryLagError extends Error {
  constructor(sequence: number, timeoutMs: number) {
    super(`The registry view did not reach event ${sequence} within ${timeoutMs} ms`);
    this.name = 'RegistryLagError';
  }
}

type FollowedCategory = 'registry' | 'tags';

interface Waiter {
  category: FollowedCategory;
  sequence: number;
  resolve(): void;
}

/**
 * The registry and central tag list of this replica: a {@link RegistryView} folded from the
 * `registry` and `tags` events. Every replica folds the same log, so all answer alike.
 */
export class RegistryFollower {
  readonly view = new RegistryView();
  private readonly versions = new Map<string, number>();
  private readonly positions: Record<FollowedCategory, number> = { registry: 0, tags: 0 };
  private waiters: Waiter[] = [];
  private followers: { stop(): Promise<void> }[] = [];
  private caughtUp = false;

  /** Resolves once every registry and tag event stored at call time is folded in. */
  async start(nc: NatsConnection, subjects: Subjects): Promise<void> {
    this.followers = await Promise.all(
      (['registry', 'tags'] as const).map((category) =>
        followEvents(nc, subjects.eventsStream, subjects.eventsOf(category), (stored) => this.apply(category, stored)),
      ),
    );
    this.caughtUp = true;
  }

  isCaughtUp(): boolean {
    return this.caughtUp;
  }

  /** Log position of the last registry event about `identity`; 0 when there was none. */
  versionOf(identity: string): number {
    return this.versions.get(identity) ?? 0;
  }

  /** Resolves once the view holds the event of `category` stored at `sequence`. */
  async waitFor(category: FollowedCategory, sequence: number, timeoutMs = 5000): Promise<void> {
    if (this.positions[category] >= sequence) return;
    let timer: NodeJS.Timeout | undefined;
    const reached = new Promise<void>((resolve) => this.waiters.push({ category, sequence, resolve }));
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RegistryLagError(sequence, timeoutMs)), timeoutMs);
    });
    try {
      await Promise.race([reached, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.followers.map((follower) => follower.stop()));
  }

  private apply(category: FollowedCategory, { event, sequence }: StoredEvent): void {
    this.view.apply(event);
    if (event.metadata.chargePoint !== null) this.versions.set(event.metadata.chargePoint, sequence);
    this.positions[category] = sequence;
    const isReached = (waiter: Waiter) => this.positions[waiter.category] >= waiter.sequence;
    const reached = this.waiters.filter(isReached);
    this.waiters = this.waiters.filter((waiter) => !isReached(waiter));
    reached.forEach((waiter) => waiter.resolve());
  }
}
