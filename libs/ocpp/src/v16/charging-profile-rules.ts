import type { ChargingProfile, ChargingSchedule } from './types';

/**
 * The rules of OCPP 1.6 for a charging profile that its JSON schema cannot state (§3.13, §5.16,
 * §7.8): checked on a profile that already fits the schema, before it is sent to a wallbox.
 *
 * Periods: a period is given by its start alone and lasts until the next one starts (the last
 * one until the schedule's `duration` ends, or for good). So the one stretch of time a list of
 * periods can leave uncovered — a gap — is before its first period: the first `startPeriod` must
 * be 0. Periods repeated or out of order overlap: each `startPeriod` must be greater than the one
 * before. A period that starts at or after `duration` would never apply.
 */

/** Where a charging profile is sent: SetChargingProfile, or with RemoteStartTransaction (§5.11). */
export type ChargingProfileUse = { kind: 'setChargingProfile'; connectorId: number } | { kind: 'remoteStart' };

/** The first rule a profile breaks: the field (path in the request: `csChargingProfiles.…`, `chargingProfile.…`, `connectorId`) and why. */
export interface ChargingProfileViolation {
  field: string;
  reason: string;
}

/** A recurring schedule repeats every day or week: it cannot last longer (seconds). */
const RECURRENCE_SECONDS = { Daily: 86_400, Weekly: 604_800 } as const;
const MAX_PHASES = 3;

type Check = ChargingProfileViolation | undefined;

function violation(field: string, reason: string): ChargingProfileViolation {
  return { field, reason };
}

/** Ids, levels and seconds are 32-bit, as OCPP's integers and the read models' columns that hold them. */
const INT32_MAX = 2 ** 31 - 1;

function notNegative(value: number | undefined, field: string): Check {
  if (value === undefined) return undefined;
  if (value < 0) return violation(field, 'must not be negative');
  return value > INT32_MAX ? violation(field, `must be at most ${INT32_MAX}`) : undefined;
}

function purposeRules(profile: ChargingProfile, use: ChargingProfileUse): Check {
  const { chargingProfilePurpose: purpose, transactionId } = profile;
  if (use.kind === 'remoteStart') {
    if (purpose !== 'TxProfile') return violation('chargingProfilePurpose', 'must be TxProfile with a remote start');
    if (transactionId !== undefined) return violation('transactionId', 'must be absent with a remote start: the transaction does not exist yet');
    return undefined;
  }
  const connector = notNegative(use.connectorId, 'connectorId');
  if (connector) return connector;
  switch (purpose) {
    case 'ChargePointMaxProfile':
      if (use.connectorId !== 0) return violation('connectorId', 'must be 0 for a ChargePointMaxProfile: it limits the charge point as a whole');
      if (transactionId !== undefined) return violation('transactionId', 'is only for a TxProfile');
      if (profile.chargingProfileKind === 'Relative') return violation('chargingProfileKind', 'cannot be Relative for a ChargePointMaxProfile: it runs outside any transaction');
      return undefined;
    case 'TxDefaultProfile':
      return transactionId === undefined ? undefined : violation('transactionId', 'is only for a TxProfile');
    case 'TxProfile':
      if (use.connectorId < 1) return violation('connectorId', 'must be a connector (1 or more) for a TxProfile: it applies to a transaction there');
      if (transactionId === undefined) return violation('transactionId', 'is required for a TxProfile: the active transaction on the connector');
      return undefined;
  }
}

function kindRules(profile: ChargingProfile): Check {
  const { chargingProfileKind: kind, recurrencyKind, chargingSchedule } = profile;
  const { startSchedule, duration } = chargingSchedule;
  if (kind !== 'Recurring' && recurrencyKind !== undefined) return violation('recurrencyKind', 'is only for a Recurring profile');
  switch (kind) {
    case 'Absolute':
      return startSchedule === undefined ? violation('chargingSchedule.startSchedule', 'is required for an Absolute profile') : undefined;
    case 'Relative':
      return startSchedule === undefined ? undefined : violation('chargingSchedule.startSchedule', 'must be absent for a Relative profile: it starts with the transaction');
    case 'Recurring':
      if (recurrencyKind === undefined) return violation('recurrencyKind', 'is required for a Recurring profile');
      if (startSchedule === undefined) return violation('chargingSchedule.startSchedule', 'is required for a Recurring profile: the recurrence starts there');
      if (duration !== undefined && duration > RECURRENCE_SECONDS[recurrencyKind]) {
        return violation('chargingSchedule.duration', `must be at most ${RECURRENCE_SECONDS[recurrencyKind]} s for a ${recurrencyKind} recurrence`);
      }
      return undefined;
  }
}

function validityRules({ validFrom, validTo }: ChargingProfile): Check {
  if (validFrom === undefined || validTo === undefined) return undefined;
  return Date.parse(validFrom) < Date.parse(validTo) ? undefined : violation('validTo', 'must be after validFrom');
}

function periodRules(schedule: ChargingSchedule): Check {
  const periods = schedule.chargingSchedulePeriod;
  const field = 'chargingSchedule.chargingSchedulePeriod';
  if (periods.length === 0) return violation(field, 'must have at least one period');
  let previousStart = -1;
  for (const [index, period] of periods.entries()) {
    const at = `${field}[${index}]`;
    if (index === 0 && period.startPeriod !== 0) return violation(`${at}.startPeriod`, 'must be 0: the periods leave a gap at the start of the schedule');
    const start = notNegative(period.startPeriod, `${at}.startPeriod`);
    if (start) return start;
    if (period.startPeriod <= previousStart) return violation(`${at}.startPeriod`, 'must be greater than the startPeriod before it: periods overlap');
    if (schedule.duration !== undefined && period.startPeriod >= schedule.duration) {
      return violation(`${at}.startPeriod`, 'must be less than chargingSchedule.duration: the period would never apply');
    }
    if (period.limit < 0) return violation(`${at}.limit`, 'must not be negative');
    const phases = period.numberPhases;
    if (phases !== undefined && (phases < 1 || phases > MAX_PHASES)) return violation(`${at}.numberPhases`, 'must be 1, 2 or 3');
    previousStart = period.startPeriod;
  }
  return undefined;
}

function scheduleRules(schedule: ChargingSchedule): Check {
  if (schedule.duration !== undefined && schedule.duration < 1) return violation('chargingSchedule.duration', 'must be at least 1 second');
  const duration = notNegative(schedule.duration, 'chargingSchedule.duration');
  if (duration) return duration;
  return notNegative(schedule.minChargingRate, 'chargingSchedule.minChargingRate') ?? periodRules(schedule);
}

/**
 * The first OCPP 1.6 rule the (schema-valid) profile breaks, or undefined. Walks the periods once,
 * without recursion.
 */
export function chargingProfileViolation(profile: ChargingProfile, use: ChargingProfileUse): ChargingProfileViolation | undefined {
  const found = profileViolation(profile, use);
  if (found === undefined || found.field === 'connectorId') return found;
  return { ...found, field: `${use.kind === 'remoteStart' ? 'chargingProfile' : 'csChargingProfiles'}.${found.field}` };
}

function profileViolation(profile: ChargingProfile, use: ChargingProfileUse): Check {
  return (
    notNegative(profile.chargingProfileId, 'chargingProfileId') ??
    notNegative(profile.stackLevel, 'stackLevel') ??
    notNegative(profile.transactionId, 'transactionId') ??
    purposeRules(profile, use) ??
    kindRules(profile) ??
    validityRules(profile) ??
    scheduleRules(profile.chargingSchedule)
  );
}
