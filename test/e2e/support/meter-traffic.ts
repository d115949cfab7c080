import { setTimeout as sleep } from 'node:timers/promises';
import type { NatsConnection } from 'nats';
import { parseStoredEvent, type EventOf, type Subjects } from '@voltstream/contracts';
import type { SimulatedChargePoint } from '@voltstream/simulator';

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

/**
 * The readings of the MeterValuesReported events in the log, by wallbox. Read message by message
 * (each request answers or times out) rather than through a consumer, which can wait unanswered
 * while a JetStream cluster recovers from a lost node.
 */
export async function loggedReadings(nc: NatsConnection, subjects: Subjects, identities: readonly string[]): Promise<Map<string, number[]>> {
  const jsm = await nc.jetstreamManager();
  const bySubject = new Map(identities.map((identity) => [subjects.event('station', identity, 'MeterValuesReported'), identity]));
  const readings = new Map(identities.map((identity) => [identity, [] as number[]]));
  const { state } = await jsm.streams.info(subjects.eventsStream);
  for (let seq = state.first_seq; seq <= state.last_seq; seq++) {
    const message = await jsm.streams.getMessage(subjects.eventsStream, { seq });
    const identity = bySubject.get(message.subject);
    if (identity === undefined) continue;
    const event = parseStoredEvent(message.data) as EventOf<'MeterValuesReported'>;
    readings.get(identity)?.push(Number(event.data.meterValue[0].sampledValue[0].value));
  }
  return readings;
}
