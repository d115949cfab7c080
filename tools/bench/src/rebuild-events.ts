import { createEvent, type ChargePointSettings, type VoltstreamEvent } from '@voltstream/contracts';

const SETTINGS: ChargePointSettings = { startMode: 'anyTag', relaxations: [], autoStartIdTag: null, passwordHash: null, description: null };
const WH_PER_SAMPLE = 1500;
const SAMPLES_PER_TRANSACTION = 3;

/** One charging visit: connect, boot, charge with meter values, stop, disconnect. */
function visit(identity: string, visitNumber: number, transactionId: number, at: () => Date): VoltstreamEvent[] {
  const meterStart = visitNumber * WH_PER_SAMPLE * SAMPLES_PER_TRANSACTION;
  const connection = { connectionId: `${identity}-${visitNumber}`, gatewayId: 'bench' };
  const status = (status: string) => createEvent('ConnectorStatusChanged', { connectorId: 1, status, errorCode: 'NoError' }, identity, at());
  const meterValue = (sample: number) => {
    const value = String(meterStart + sample * WH_PER_SAMPLE);
    const sampledValue = [{ value, context: 'Sample.Periodic', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }];
    return createEvent('MeterValuesReported', { connectorId: 1, transactionId, meterValue: [{ timestamp: at().toISOString(), sampledValue }] }, identity, at());
  };
  const meterStop = meterStart + SAMPLES_PER_TRANSACTION * WH_PER_SAMPLE;
  return [
    createEvent('ChargePointConnected', connection, identity, at()),
    createEvent('ChargePointBooted', { vendor: 'Voltstream', model: 'Bench', registrationStatus: 'Accepted' }, identity, at()),
    status('Preparing'),
    createEvent(
      'TransactionStarted',
      { transactionId, connectorId: 1, idTag: 'BENCH', meterStart, timestamp: at().toISOString(), authorizationStatus: 'Accepted', tagOwner: null },
      identity,
      at(),
    ),
    status('Charging'),
    ...Array.from({ length: SAMPLES_PER_TRANSACTION }, (_, sample) => meterValue(sample + 1)),
    createEvent('TransactionStopped', { transactionId, idTag: 'BENCH', meterStop, timestamp: at().toISOString(), reason: 'Local', known: true }, identity, at()),
    status('Available'),
    createEvent('ChargePointDisconnected', { ...connection, reason: 'bench' }, identity, at()),
  ];
}

/**
 * An endless, deterministic event log for the rebuild: every charge point is adopted, then they
 * take turns at charging visits. Transaction ids are unique; timestamps advance 1 ms per event.
 */
export function* rebuildEvents(chargePoints: number, startAt: Date): Generator<VoltstreamEvent> {
  let clock = startAt.getTime();
  const at = () => new Date(clock++);
  const identities = Array.from({ length: chargePoints }, (_, index) => `RB-${index + 1}`);
  for (const identity of identities) yield createEvent('ChargePointAdopted', SETTINGS, identity, at());
  for (let visitNumber = 0; ; visitNumber++) {
    for (const [index, identity] of identities.entries()) {
      yield* visit(identity, visitNumber, visitNumber * chargePoints + index + 1, at);
    }
  }
}

/** The first `count` events of the log, one at a time (a million do not need to sit in memory). */
export function* takeEvents(count: number, chargePoints: number, startAt: Date): Generator<VoltstreamEvent> {
  let taken = 0;
  for (const event of rebuildEvents(chargePoints, startAt)) {
    if (taken++ >= count) return;
    yield event;
  }
}
