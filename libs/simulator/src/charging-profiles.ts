/**
 * The charging profiles a wallbox holds (OCPP 1.6 §3.13), as plain data, and what SetChargingProfile,
 * ClearChargingProfile and the end of a transaction do to them. The simulator is a wallbox of its
 * own: it reads the profiles the way a wallbox does and shares no code with the central system.
 */

export type ChargingProfilePurpose = 'ChargePointMaxProfile' | 'TxDefaultProfile' | 'TxProfile';
export type ChargingRateUnit = 'A' | 'W';

export interface ChargingSchedulePeriod {
  startPeriod: number;
  limit: number;
  numberPhases?: number;
}

export interface ChargingSchedule {
  duration?: number;
  startSchedule?: string;
  chargingRateUnit: ChargingRateUnit;
  chargingSchedulePeriod: ChargingSchedulePeriod[];
  minChargingRate?: number;
}

export interface ChargingProfile {
  chargingProfileId: number;
  transactionId?: number;
  stackLevel: number;
  chargingProfilePurpose: ChargingProfilePurpose;
  chargingProfileKind: 'Absolute' | 'Recurring' | 'Relative';
  recurrencyKind?: 'Daily' | 'Weekly';
  validFrom?: string;
  validTo?: string;
  chargingSchedule: ChargingSchedule;
}

/** A profile installed on a connector (0: the wallbox as a whole). */
export interface InstalledProfile {
  connectorId: number;
  profile: ChargingProfile;
}

/** ClearChargingProfile.req: an id clears that profile; otherwise every profile matching all the criteria given. */
export interface ClearCriteria {
  id?: number;
  connectorId?: number;
  chargingProfilePurpose?: ChargingProfilePurpose;
  stackLevel?: number;
}

/** What the wallbox can hold: its ChargeProfileMaxStackLevel and ChargingScheduleMaxPeriods keys. */
export interface ProfileLimits {
  connectorCount: number;
  maxStackLevel: number;
  maxPeriods: number;
  /** The transaction running on each connector, by connector id. */
  transactionOn(connectorId: number): number | undefined;
}

function fits(connectorId: number, profile: ChargingProfile, limits: ProfileLimits): boolean {
  const { chargingProfilePurpose: purpose, stackLevel, chargingSchedule } = profile;
  if (connectorId < 0 || connectorId > limits.connectorCount) return false;
  if (stackLevel < 0 || stackLevel > limits.maxStackLevel) return false;
  if (chargingSchedule.chargingSchedulePeriod.length > limits.maxPeriods) return false;
  switch (purpose) {
    case 'ChargePointMaxProfile':
      return connectorId === 0;
    case 'TxDefaultProfile':
      return true;
    case 'TxProfile':
      // §3.13.4: a TxProfile is for the transaction running on the connector, and only then.
      return connectorId > 0 && profile.transactionId !== undefined && limits.transactionOn(connectorId) === profile.transactionId;
  }
}

/** A profile replaces one with its id, or one of its purpose and stack level on its connector (§3.13.2). */
function replacedBy(installed: InstalledProfile, connectorId: number, profile: ChargingProfile): boolean {
  const old = installed.profile;
  if (old.chargingProfileId === profile.chargingProfileId) return true;
  return installed.connectorId === connectorId && old.chargingProfilePurpose === profile.chargingProfilePurpose && old.stackLevel === profile.stackLevel;
}

/** SetChargingProfile: the profiles afterwards, or undefined when the wallbox rejects it. */
export function installProfile(
  profiles: readonly InstalledProfile[],
  connectorId: number,
  profile: ChargingProfile,
  limits: ProfileLimits,
): InstalledProfile[] | undefined {
  if (!fits(connectorId, profile, limits)) return undefined;
  return [...profiles.filter((installed) => !replacedBy(installed, connectorId, profile)), { connectorId, profile }];
}

function matches(installed: InstalledProfile, criteria: ClearCriteria): boolean {
  const { profile, connectorId } = installed;
  if (criteria.id !== undefined) return profile.chargingProfileId === criteria.id;
  return (
    (criteria.connectorId === undefined || criteria.connectorId === connectorId) &&
    (criteria.chargingProfilePurpose === undefined || criteria.chargingProfilePurpose === profile.chargingProfilePurpose) &&
    (criteria.stackLevel === undefined || criteria.stackLevel === profile.stackLevel)
  );
}

/** ClearChargingProfile: the profiles left; Unknown when none matched. */
export function clearProfiles(profiles: readonly InstalledProfile[], criteria: ClearCriteria): { left: InstalledProfile[]; status: 'Accepted' | 'Unknown' } {
  const left = profiles.filter((installed) => !matches(installed, criteria));
  return { left, status: left.length < profiles.length ? 'Accepted' : 'Unknown' };
}

/** A TxProfile ends with its transaction (§3.13.4). */
export function withoutTransaction(profiles: readonly InstalledProfile[], transactionId: number): InstalledProfile[] {
  return profiles.filter(({ profile }) => profile.chargingProfilePurpose !== 'TxProfile' || profile.transactionId !== transactionId);
}
