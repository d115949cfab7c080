import { createEvent, type MeterValue, type VoltstreamEvent } from '@voltstream/contracts';

const schedule = (limit: number) => ({ chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit }] });

/** Each transaction runs under a TxProfile (ended with it); the first wallbox's TxDefaultProfile is replaced, or cleared, every burst. */
function chargingProfiles(identity: string, transactionId: number, at: Date, first: boolean): VoltstreamEvent[] {
  const txProfile = { chargingProfileId: transactionId, transactionId, stackLevel: 1, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Relative', chargingSchedule: schedule(3700) };
  const events = [createEvent('ChargingProfileSet', { connectorId: 1, chargingProfile: txProfile }, identity, at)];
  if (!first) return events;
  const txDefault = { chargingProfileId: 0, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Relative', chargingSchedule: schedule(transactionId) };
  const change =
    transactionId % 2 === 0
      ? createEvent('ChargingProfileSet', { connectorId: 1, chargingProfile: txDefault }, identity, at)
      : createEvent('ChargingProfilesCleared', { connectorId: 1, chargingProfilePurpose: 'TxDefaultProfile' }, identity, at);
  return [...events, change];
}

const register = (wh: number): MeterValue[] => [{ timestamp: new Date(1_750_000_000_000 + wh * 1000).toISOString(), sampledValue: [{ value: String(wh), unit: 'Wh' }] }];

/**
 * Wallboxes charging in turns: each burst stops what the last one started, starts anew, and
 * reports meter values and statuses of others, so every batch holds starts, stops and telemetry.
 */
export class Traffic {
  private running: { identity: string; transactionId: number; wh: number }[] = [];
  readonly started: number[] = [];

  /** `withChargingProfiles`: the sessions also set and clear charging profiles (see chargingProfiles). */
  constructor(
    private readonly prefix: string,
    private nextTransactionId: number,
    private readonly withChargingProfiles = false,
  ) {}

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
      if (this.withChargingProfiles) events.push(...chargingProfiles(session.identity, session.transactionId, at, session === this.running[0]));
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

