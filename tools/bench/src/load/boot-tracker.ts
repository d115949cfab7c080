import { CallFailedError, type SimulatedChargePoint } from '@voltstream/simulator';

/**
 * Follows the boots of a fleet's wallboxes, including the ones after a reconnect: which wallboxes
 * booted since the last mark (the storm), and how many boots failed.
 */
export class BootTracker {
  private bootedSinceMark = new Set<string>();
  private bootFailuresSinceMark = 0;
  lastBootAt = 0;
  lastFailure: string | undefined;

  watch(cp: SimulatedChargePoint): void {
    cp.on('booted', (conf) => {
      if (conf.status !== 'Accepted') return this.bootFailed(`${cp.identity}: boot answered ${conf.status}`);
      this.bootedSinceMark.add(cp.identity);
      this.lastBootAt = Date.now();
    });
    cp.on('warning', (error) => {
      if (error instanceof CallFailedError && error.action === 'BootNotification') this.bootFailed(`${cp.identity}: ${error.message}`);
    });
  }

  mark(): void {
    this.bootedSinceMark = new Set();
    this.bootFailuresSinceMark = 0;
  }

  get booted(): number {
    return this.bootedSinceMark.size;
  }

  get failures(): number {
    return this.bootFailuresSinceMark;
  }

  private bootFailed(reason: string): void {
    this.bootFailuresSinceMark++;
    this.lastFailure = reason;
  }
}
