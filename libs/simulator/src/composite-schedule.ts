import type { ChargingProfile, ChargingRateUnit, ChargingSchedulePeriod, InstalledProfile } from './charging-profiles';

/**
 * The composite schedule of a connector (OCPP 1.6 §3.13.5): at every moment, the lower of the
 * ChargePointMaxProfile and the transaction's profile — its TxProfile, else the TxDefaultProfile of
 * the connector, else that of connector 0 — each the one of the highest stack level that is valid
 * and whose schedule runs then. Limits are compared in watts: amperes × 230 V × phases (3 unless a
 * period says otherwise). Pure: the time is an input.
 */

export const VOLTAGE = 230;
const DEFAULT_PHASES = 3;
const RECURRENCE_MS = { Daily: 86_400_000, Weekly: 604_800_000 } as const;
/** A schedule asked for years ahead of a daily profile would have tens of thousands of periods: it stops here. */
export const MAX_COMPOSITE_PERIODS = 1024;

/** Where the composite is asked for: the connector, and the transaction running there if any. */
export interface CompositeContext {
  connectorId: number;
  transaction?: { id: number; startedAt: number };
  /** The wallbox's own maximum, in watts, where no profile limits it. */
  maxPowerW: number;
}

export interface CompositeSchedule {
  duration: number;
  chargingRateUnit: ChargingRateUnit;
  chargingSchedulePeriod: ChargingSchedulePeriod[];
}

function toWatts(limit: number, unit: ChargingRateUnit, phases = DEFAULT_PHASES): number {
  return unit === 'W' ? limit : limit * VOLTAGE * phases;
}

function fromWatts(watts: number, unit: ChargingRateUnit): number {
  const value = unit === 'W' ? watts : watts / (VOLTAGE * DEFAULT_PHASES);
  return Math.floor(value * 10) / 10;
}

function firstStart(profile: ChargingProfile, relativeStart: number): number {
  const { startSchedule } = profile.chargingSchedule;
  return startSchedule === undefined ? relativeStart : Date.parse(startSchedule);
}

/** When the schedule's occurrence that covers `at` began; undefined before it ever starts. */
function scheduleStart(profile: ChargingProfile, at: number, relativeStart: number): number | undefined {
  const start = firstStart(profile, relativeStart);
  if (profile.chargingProfileKind === 'Relative') return relativeStart;
  if (profile.chargingProfileKind === 'Absolute' || profile.recurrencyKind === undefined) return start;
  const period = RECURRENCE_MS[profile.recurrencyKind];
  return at < start ? undefined : start + Math.floor((at - start) / period) * period;
}

function isValidAt(profile: ChargingProfile, at: number): boolean {
  if (profile.validFrom !== undefined && at < Date.parse(profile.validFrom)) return false;
  return profile.validTo === undefined || at < Date.parse(profile.validTo);
}

/** The limit of the profile at `at` in watts; undefined when its schedule does not run then. */
function limitOf(profile: ChargingProfile, at: number, relativeStart: number): number | undefined {
  if (!isValidAt(profile, at)) return undefined;
  const start = scheduleStart(profile, at, relativeStart);
  if (start === undefined || at < start) return undefined;
  const { duration, chargingSchedulePeriod, chargingRateUnit } = profile.chargingSchedule;
  const offsetS = (at - start) / 1000;
  if (duration !== undefined && offsetS >= duration) return undefined;
  let current: ChargingSchedulePeriod | undefined;
  for (const period of chargingSchedulePeriod) if (period.startPeriod <= offsetS) current = period;
  return current && toWatts(current.limit, chargingRateUnit, current.numberPhases);
}

/** The limit of the highest stack level among `candidates` whose schedule runs at `at`. */
function highestStackLimit(candidates: ChargingProfile[], at: number, relativeStart: number): number | undefined {
  let best: { stackLevel: number; limit: number } | undefined;
  for (const profile of candidates) {
    const limit = limitOf(profile, at, relativeStart);
    if (limit !== undefined && (best === undefined || profile.stackLevel > best.stackLevel)) best = { stackLevel: profile.stackLevel, limit };
  }
  return best?.limit;
}

function profilesOf(profiles: readonly InstalledProfile[], purpose: string, connectorId: number, transactionId?: number): ChargingProfile[] {
  return profiles
    .filter((installed) => installed.connectorId === connectorId && installed.profile.chargingProfilePurpose === purpose)
    .map(({ profile }) => profile)
    .filter((profile) => purpose !== 'TxProfile' || profile.transactionId === transactionId);
}

/** The transaction's limit: TxProfile over the connector's TxDefaultProfile over connector 0's. */
function transactionLimit(profiles: readonly InstalledProfile[], context: CompositeContext, at: number, relativeStart: number): number | undefined {
  const { connectorId, transaction } = context;
  if (connectorId === 0) return undefined;
  const layers = [
    transaction ? profilesOf(profiles, 'TxProfile', connectorId, transaction.id) : [],
    profilesOf(profiles, 'TxDefaultProfile', connectorId),
    profilesOf(profiles, 'TxDefaultProfile', 0),
  ];
  for (const layer of layers) {
    const limit = highestStackLimit(layer, at, relativeStart);
    if (limit !== undefined) return limit;
  }
  return undefined;
}

/** The power a connector may draw at `at`, in watts. */
export function limitAt(profiles: readonly InstalledProfile[], context: CompositeContext, at: number): number {
  const relativeStart = context.transaction?.startedAt ?? at;
  const max = highestStackLimit(profilesOf(profiles, 'ChargePointMaxProfile', 0), at, relativeStart);
  const transaction = transactionLimit(profiles, context, at, relativeStart);
  return Math.min(max ?? context.maxPowerW, transaction ?? context.maxPowerW);
}

/** Every moment in [from, to) where a profile's limit may change: its periods, its end, its validity. */
function changesOf(profile: ChargingProfile, from: number, to: number, relativeStart: number): number[] {
  const times = [profile.validFrom, profile.validTo].filter((bound) => bound !== undefined).map(Date.parse);
  const { duration, chargingSchedulePeriod } = profile.chargingSchedule;
  const step = profile.chargingProfileKind === 'Recurring' && profile.recurrencyKind ? RECURRENCE_MS[profile.recurrencyKind] : Infinity;
  let start = scheduleStart(profile, from, relativeStart) ?? firstStart(profile, relativeStart);
  for (let occurrence = 0; start < to && occurrence < MAX_COMPOSITE_PERIODS; occurrence++, start += step) {
    for (const { startPeriod } of chargingSchedulePeriod) times.push(start + startPeriod * 1000);
    if (duration !== undefined) times.push(start + duration * 1000);
    if (step === Infinity) break;
  }
  return times.filter((time) => time > from && time < to);
}

/**
 * GetCompositeSchedule: the limits of the connector from `from` for `durationS` seconds, one period
 * per change, at most {@link MAX_COMPOSITE_PERIODS}. Connector 0 gives the ChargePointMaxProfile.
 */
export function compositeSchedule(
  profiles: readonly InstalledProfile[],
  context: CompositeContext,
  from: number,
  durationS: number,
  unit: ChargingRateUnit,
): CompositeSchedule {
  const to = from + durationS * 1000;
  const relativeStart = context.transaction?.startedAt ?? from;
  const changes = new Set([from, ...profiles.flatMap(({ profile }) => changesOf(profile, from, to, relativeStart))]);
  const times = [...changes].sort((a, b) => a - b).slice(0, MAX_COMPOSITE_PERIODS);
  const periods: ChargingSchedulePeriod[] = [];
  for (const time of times) {
    const limit = fromWatts(limitAt(profiles, context, time), unit);
    const startPeriod = Math.floor((time - from) / 1000);
    const last = periods.at(-1);
    if (last?.limit === limit) continue;
    // Changes within one second: the period shows the last of them.
    if (last?.startPeriod === startPeriod) last.limit = limit;
    else periods.push({ startPeriod, limit });
  }
  return { duration: durationS, chargingRateUnit: unit, chargingSchedulePeriod: periods };
}
