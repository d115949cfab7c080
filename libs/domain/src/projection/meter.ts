import type { MeterValue, SampledValue } from '@voltstream/contracts';
import type { ProjectedMeterValue } from './records';

/** OCPP 1.6: the measurand of a sampled value that names none. */
export const DEFAULT_MEASURAND = 'Energy.Active.Import.Register';

const EARLIEST_PLAUSIBLE = Date.parse('2010-01-01T00:00:00Z');
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/** A wallbox clock that was never set reports 1970; one far ahead is just as wrong. */
export function isPlausibleTimestamp(timestamp: Date, receivedAt: Date): boolean {
  const time = timestamp.getTime();
  return time >= EARLIEST_PLAUSIBLE && time <= receivedAt.getTime() + FUTURE_TOLERANCE_MS;
}

/** The wallbox's time when it can be believed, else the moment the CSMS received the message. */
export function believableTime(timestamp: string, receivedAt: Date): Date {
  const reported = new Date(timestamp);
  return isPlausibleTimestamp(reported, receivedAt) ? reported : receivedAt;
}

interface SampleContext {
  chargePointIdentity: string;
  connectorId: number;
  transactionId: number | null;
  receivedAt: Date;
}

function numberOrNull(value: string): number | null {
  const parsed = Number(value);
  return value.trim() !== '' && Number.isFinite(parsed) ? parsed : null;
}

function sampleRecord(sample: SampledValue, timestamp: Date, context: SampleContext): ProjectedMeterValue {
  const timestampPlausible = isPlausibleTimestamp(timestamp, context.receivedAt);
  return {
    chargePointIdentity: context.chargePointIdentity,
    connectorId: context.connectorId,
    transactionId: context.transactionId,
    receivedAt: context.receivedAt,
    timestamp: Number.isNaN(timestamp.getTime()) ? context.receivedAt : timestamp,
    timestampPlausible,
    orderedAt: timestampPlausible ? timestamp : context.receivedAt,
    measurand: sample.measurand ?? DEFAULT_MEASURAND,
    value: numberOrNull(sample.value),
    unit: sample.unit ?? null,
    phase: sample.phase ?? null,
    context: sample.context ?? null,
    location: sample.location ?? null,
    format: sample.format ?? null,
  };
}

/** Every sampled value of the meter values as one history row each. */
export function meterValueRecords(meterValues: MeterValue[], context: SampleContext): ProjectedMeterValue[] {
  return meterValues.flatMap((meterValue) =>
    meterValue.sampledValue.map((sample) => sampleRecord(sample, new Date(meterValue.timestamp), context)),
  );
}

const WH_PER_UNIT: Record<string, number> = { Wh: 1, kWh: 1000 };

function registerWh(sample: SampledValue): number | undefined {
  if ((sample.measurand ?? DEFAULT_MEASURAND) !== DEFAULT_MEASURAND || sample.phase !== undefined) return undefined;
  if (sample.format === 'SignedData') return undefined;
  const factor = WH_PER_UNIT[sample.unit ?? 'Wh'];
  const value = numberOrNull(sample.value);
  return factor === undefined || value === null ? undefined : value * factor;
}

/** The last total energy register reading (Wh) among the meter values, if any. */
export function latestRegisterWh(meterValues: MeterValue[]): number | undefined {
  const readings = meterValues.flatMap((meterValue) => meterValue.sampledValue.map(registerWh));
  return readings.filter((reading): reading is number => reading !== undefined).at(-1);
}
