import { setTimeout as sleep } from 'node:timers/promises';
import type { NatsConnection } from 'nats';
import type { Subjects } from '@voltstream/contracts';
import type { SimulatedChargePoint } from '@voltstream/simulator';
import { eventsOf } from '@voltstream/testing';

/** Pause between two meter values of one wallbox, and after a call that failed. */
const PACE_MS = 50;

/**
 * Meter values from one wallbox, one after another, through disconnects and CALLERRORs, until
 * stopped: the readings answered are the ones the central system promised to keep.
 */
export class MeterTraffic {
  readonly answered: number[] = [];
  private running = true;
  private readonly done: Promise<void>;

  constructor(readonly wallbox: SimulatedChargePoint) {
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }

  private async run(): Promise<void> {
    for (let wh = 1; this.running; wh++) {
      const answered = await this.wallbox.meterValues(1, wh).then(
        () => true,
        () => false,
      );
      if (answered) this.answered.push(wh);
      await sleep(PACE_MS);
    }
  }
}

/** The readings of the wallbox's MeterValuesReported events in the log. */
export async function loggedReadings(nc: NatsConnection, subjects: Subjects, identity: string): Promise<number[]> {
  const events = await eventsOf(nc, subjects, identity, 'MeterValuesReported');
  return events.map((event) => Number(event.data.meterValue[0].sampledValue[0].value));
}
