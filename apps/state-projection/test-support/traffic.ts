import { createEvent, type MeterValue, type VoltstreamEvent } from '@voltstream/contracts';

const register = (wh: number): MeterValue[] => [{ timestamp: new Date(1_750_000_000_000 + wh * 1000).toISOString(), sampledValue: [{ value: String(wh), unit: 'Wh' }] }];

/**
 * Wallboxes charging in turns: each burst stops what the last one started, starts anew, and
 * reports meter values and statuses of others, so every batch holds starts, stops and telemetry.
 */
export class Traffic {
  private running: { identity: string; transactionId: number; wh: number }[] = [];
  readonly started: number[] = [];

  constructor(private readonly prefix: string, private nextTransactionId: number) {}

  burst(): VoltstreamEvent[] {
    const at = new Date();
    const events: VoltstreamEvent[] = [];
    for (const session of this.running) {
      session.wh += 150;
      events.push(createEvent('MeterValuesReported', { connectorId: 1, transactionId: session.transactionId, meterValue: register(session.wh) }, session.identity, at));
      events.push(createEvent('TransactionStopped', { transactionId: session.transactionId, meterStop: session.wh + 10, timestamp: at.toISOString(), reason: 'Local', known: true }, session.identity, at));
      events.push(createEvent('ConnectorStatusChanged', { connectorId: 1, status: 'Available', errorCode: 'NoError' }, session.identity, at));
    }
    this.running = ['1', '2', '3'].map((wallbox) => `${this.prefix}-${wallbox}`).map((identity) => ({ identity, transactionId: this.nextTransactionId++, wh: 1000 }));
    for (const session of this.running) {
      this.started.push(session.transactionId);
      events.push(createEvent('ConnectorStatusChanged', { connectorId: 1, status: 'Charging', errorCode: 'NoError' }, session.identity, at));
      events.push(createEvent('TransactionStarted', { transactionId: session.transactionId, connectorId: 1, idTag: 'TAG', meterStart: session.wh, timestamp: at.toISOString(), authorizationStatus: 'Accepted', tagOwner: null }, session.identity, at));
    }
    for (const identity of [`${this.prefix}-M1`, `${this.prefix}-M2`]) events.push(createEvent('MeterValuesReported', { connectorId: 1, meterValue: register(this.nextTransactionId) }, identity, at));
    return events;
  }

  /** Stops what runs, and nothing new starts. */
  finish(): VoltstreamEvent[] {
    const at = new Date();
    const stops = this.running.map((session) =>
      createEvent('TransactionStopped', { transactionId: session.transactionId, meterStop: session.wh, timestamp: at.toISOString(), reason: 'Local', known: true }, session.identity, at),
    );
    this.running = [];
    return stops;
  }
}

