export interface Tickable {
  tick(now: number): void;
}

/**
 * One interval timer for many wallboxes: each member checks its own deadlines (call timeouts,
 * heartbeats, reconnects) on every tick, so thousands of wallboxes cost one timer, not thousands.
 */
export class Ticker {
  private readonly members = new Set<Tickable>();
  private sleepers: { wakeAt: number; wake: () => void }[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(readonly resolutionMs = 50) {}

  add(member: Tickable): void {
    this.members.add(member);
    this.startIfNeeded();
  }

  remove(member: Tickable): void {
    this.members.delete(member);
    this.stopIfIdle();
  }

  /** Resolves after at least `ms`, on a tick. */
  sleep(ms: number): Promise<void> {
    return new Promise((wake) => {
      this.sleepers.push({ wakeAt: Date.now() + ms, wake });
      this.startIfNeeded();
    });
  }

  private startIfNeeded(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), this.resolutionMs);
    // The sockets keep a process alive, not the ticker.
    this.timer.unref();
  }

  private stopIfIdle(): void {
    if (!this.timer || this.members.size > 0 || this.sleepers.length > 0) return;
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    const now = Date.now();
    for (const member of this.members) member.tick(now);
    this.wakeSleepers(now);
    this.stopIfIdle();
  }

  private wakeSleepers(now: number): void {
    if (this.sleepers.length === 0) return;
    const due = this.sleepers.filter((sleeper) => sleeper.wakeAt <= now);
    if (due.length === 0) return;
    this.sleepers = this.sleepers.filter((sleeper) => sleeper.wakeAt > now);
    for (const sleeper of due) sleeper.wake();
  }
}

export const sharedTicker = new Ticker();
