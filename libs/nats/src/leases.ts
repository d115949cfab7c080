import { JSONCodec, StorageType, type KV, type KvEntry, type NatsConnection, type QueuedIterator } from 'nats';
import { ContractError, parseLeaseValue, type LeaseValue } from '@voltstream/contracts';
import { LapseBook, leaseTimings, type LapsedLease } from './lapse-book';

/*
 * A process announces that it lives by holding a lease, a key of a KeyValue bucket that it
 * renews; a watcher that sees a lease not renewed within its time to live claims it (a
 * compare-and-set of the revision it saw, so one watcher wins and a holder that was only slow
 * keeps it), records what the lost holder left behind, and removes it. nats-server 2.9 has no
 * per-key TTL and reports no expiry to watchers: lapse is judged by each watcher's own clock
 * (LapseBook), and a lease stays in the bucket until it is released or handled.
 */

const codec = JSONCodec<LeaseValue>();

/** Holder names are free text; keys of a bucket are not. */
function leaseKey(holder: string): string {
  return Buffer.from(holder).toString('base64url');
}

function holderOf(key: string): string {
  return Buffer.from(key, 'base64url').toString();
}

export function openLeaseBucket(nc: NatsConnection, bucket: string, replicas = 1): Promise<KV> {
  return nc.jetstream().views.kv(bucket, { history: 1, storage: StorageType.File, replicas });
}

/** Holds one lease while the process runs: renews it, and tells when another claimed it. */
export class HeldLease {
  private readonly key: string;
  private readonly renewal: NodeJS.Timeout;
  private renewing: Promise<void> = Promise.resolve();
  private released = false;

  private constructor(
    private readonly kv: KV,
    private readonly holder: string,
    private revision: number,
    private readonly onLost: () => void,
    renewEveryMs: number,
  ) {
    this.key = leaseKey(holder);
    this.renewal = setInterval(() => (this.renewing = this.renewing.then(() => this.renew())), renewEveryMs);
    this.renewal.unref();
  }

  /**
   * @param onLost called when a watcher found the lease lapsed (this process was too slow, or cut
   *   off from NATS) and recorded this holder's work as lost; the lease is then taken anew.
   */
  static async acquire(kv: KV, holder: string, ttlMs: number, onLost: () => void): Promise<HeldLease> {
    const revision = await kv.put(leaseKey(holder), codec.encode({ holder }));
    return new HeldLease(kv, holder, revision, onLost, leaseTimings(ttlMs).renewEveryMs);
  }

  /** Stops renewing: the lease lapses, and a watcher handles what this holder leaves behind. */
  stop(): void {
    clearInterval(this.renewal);
    this.released = true;
  }

  /** Stops renewing and removes the lease, unless another claimed it meanwhile. */
  async release(): Promise<void> {
    this.stop();
    await this.renewing;
    await this.kv.delete(this.key, { previousSeq: this.revision });
  }

  private async renew(): Promise<void> {
    if (this.released) return;
    try {
      this.revision = await this.kv.update(this.key, codec.encode({ holder: this.holder }), this.revision);
    } catch {
      await this.checkStillHeld();
    }
  }

  /** A renewal failed: NATS did not answer (the next one tries again), or the lease is no longer this holder's. */
  private async checkStillHeld(): Promise<void> {
    let entry: KvEntry | null;
    try {
      entry = await this.kv.get(this.key);
    } catch {
      return;
    }
    if (entry && this.isOwn(entry)) {
      // The renewal was stored, only its answer was lost.
      this.revision = entry.revision;
      return;
    }
    this.onLost();
    try {
      this.revision = await this.kv.put(this.key, codec.encode({ holder: this.holder }));
    } catch {
      // Not taken anew: the next renewal fails on the old revision and comes back here.
    }
  }

  private isOwn(entry: KvEntry): boolean {
    if (entry.operation !== 'PUT') return false;
    let value: LeaseValue;
    try {
      value = parseLeaseValue(entry.value);
    } catch (error) {
      if (error instanceof ContractError) return false;
      throw error;
    }
    return value.holder === this.holder && value.claimedBy === undefined;
  }
}

export interface LeaseWatcherOptions {
  /** This process's own lease, which it does not watch. */
  holder: string;
  ttlMs: number;
  /** Records what a lapsed holder left behind; the lease is removed once it resolves. */
  onLapsed(holder: string): Promise<void>;
  warn(message: string): void;
}

/** Watches the other holders' leases and handles each one that lapses, once among all watchers. */
export class LeaseWatcher {
  private readonly book: LapseBook;
  private readonly check: NodeJS.Timeout;
  private readonly handling = new Set<string>();
  private readonly ownKey: string;

  private constructor(
    private readonly kv: KV,
    private readonly watch: QueuedIterator<KvEntry>,
    private readonly options: LeaseWatcherOptions,
  ) {
    this.ownKey = leaseKey(options.holder);
    this.book = new LapseBook(options.ttlMs);
    this.check = setInterval(() => this.handleLapsed(), leaseTimings(options.ttlMs).checkEveryMs);
    this.check.unref();
    this.follow().catch((error: unknown) => options.warn(`watching leases stopped: ${String(error)}`));
  }

  static async start(kv: KV, options: LeaseWatcherOptions): Promise<LeaseWatcher> {
    return new LeaseWatcher(kv, await kv.watch(), options);
  }

  stop(): void {
    clearInterval(this.check);
    this.watch.stop();
  }

  private async follow(): Promise<void> {
    for await (const entry of this.watch) {
      if (entry.key === this.ownKey) continue;
      if (entry.operation === 'PUT') this.book.written(entry.key, entry.revision, Date.now());
      else this.book.removed(entry.key);
    }
  }

  private handleLapsed(): void {
    for (const lapsed of this.book.lapsed(Date.now())) {
      if (this.handling.has(lapsed.key)) continue;
      this.handling.add(lapsed.key);
      void this.handle(lapsed).finally(() => this.handling.delete(lapsed.key));
    }
  }

  private async handle({ key, revision }: LapsedLease): Promise<void> {
    const holder = holderOf(key);
    let claimed: number;
    try {
      claimed = await this.kv.update(key, codec.encode({ holder, claimedBy: this.options.holder }), revision);
    } catch {
      // Renewed, or claimed by another watcher, since this one saw it: the watch brings the news.
      return;
    }
    try {
      await this.options.onLapsed(holder);
    } catch (error) {
      // The claim lapses in its turn, and a watcher tries again.
      return this.options.warn(`the lapsed lease of ${holder} could not be handled: ${String(error)}`);
    }
    await this.kv.delete(key, { previousSeq: claimed }).catch((error: unknown) => {
      this.options.warn(`the lease of ${holder} was written again while its work was recorded as lost; left as it is (${String(error)})`);
    });
  }
}
