import {
  createEvent,
  type ChargePointAdopted,
  type ChargePointForgotten,
  type ChargePointSettings,
  type ChargePointSettingsChanged,
  type PasswordChanged,
  type PasswordRotationAbandoned,
  type PasswordRotationStarted,
  type Relaxation,
  type SecurityProfile,
  type StartMode,
} from '@voltstream/contracts';
import type { Registration } from '../registry';
import { accept, reject, type OperationDecision, type OperationFailure } from './failure';

/** What the CSMS knows about a charge point when an operator writes to it. */
export interface ChargePointRecord {
  /** The read models know the identity: it connected once or was adopted. */
  known: boolean;
  /** Its settings as last adopted or changed; null while it is not adopted. */
  settings: ChargePointSettings | null;
}

/** The record of a charge point whose registration was folded from the log; `seen`: the read models know it. */
export function chargePointRecord(seen: boolean, registration: Registration | undefined): ChargePointRecord {
  return { known: seen || registration !== undefined, settings: registration?.settings ?? null };
}

/** The fields an operator sets; an absent field keeps its value (or its default on adoption). */
export interface ChargePointChanges {
  startMode?: StartMode;
  autoStartIdTag?: string | null;
  /** Already hashed by the caller (hashing salts at random); null removes the password. */
  passwordHash?: string | null;
  description?: string | null;
  relaxations?: Relaxation[];
  acceptedDataTransferVendors?: string[];
  securityProfile?: SecurityProfile;
}

export interface UpdateChargePoint {
  identity: string;
  changes: ChargePointChanges;
  /** DEFAULT_START_MODE: the start mode of a charge point adopted without one. */
  defaultStartMode: StartMode;
  at: Date;
}

export interface ForgetChargePoint {
  identity: string;
  at: Date;
}

const DEFAULT_SETTINGS: Omit<ChargePointSettings, 'startMode'> = {
  relaxations: [],
  autoStartIdTag: null,
  passwordHash: null,
  description: null,
  acceptedDataTransferVendors: [],
  securityProfile: 0,
};

/** PUT of a charge point: adopts one that is not adopted yet, otherwise changes its settings. */
export function decideChargePointUpdate(
  command: UpdateChargePoint,
  current: ChargePointRecord,
): OperationDecision<ChargePointAdopted | ChargePointSettingsChanged> {
  const base = current.settings ?? { ...DEFAULT_SETTINGS, startMode: command.defaultStartMode };
  const settings = applyChanges(base, command.changes);
  if (settings.startMode === 'auto' && settings.autoStartIdTag === null) {
    return reject('invalid', 'autoStartIdTag is required when startMode is auto');
  }
  if (needsPassword(settings.securityProfile) && settings.passwordHash === null) {
    return reject('invalid', `securityProfile ${settings.securityProfile} needs a password (HTTP Basic authentication)`);
  }
  if (!current.settings) return accept(createEvent('ChargePointAdopted', settings, command.identity, command.at));
  if (sameSettings(current.settings, settings)) return accept();
  return accept(createEvent('ChargePointSettingsChanged', settings, command.identity, command.at));
}

export interface ChangePassword {
  identity: string;
  /** Hashed by the caller; the wallbox already accepted the password (ChangeConfiguration AuthorizationKey). */
  passwordHash: string;
  at: Date;
}

/** The wallbox accepted a new password: it replaces the stored one, which stays valid until the wallbox uses the new one. */
export function decidePasswordChange(command: ChangePassword, current: ChargePointRecord): OperationDecision<PasswordChanged> {
  if (!current.settings) return reject('notFound', `charge point ${command.identity} is not adopted`);
  const previousPasswordHash = current.settings.passwordHash;
  return accept(createEvent('PasswordChanged', { passwordHash: command.passwordHash, previousPasswordHash }, command.identity, command.at));
}

export interface RaiseSecurityProfile {
  identity: string;
  securityProfile: SecurityProfile;
  at: Date;
}

/**
 * Why the profile cannot be raised (TC_083), checked before ChangeConfiguration SecurityProfile is
 * sent and again when the wallbox's Accepted is recorded: only upward (whitepaper §2.4), and 1 or 2
 * only with a password.
 */
export function securityProfileRaiseProblem(command: RaiseSecurityProfile, current: ChargePointRecord): OperationFailure | undefined {
  if (!current.settings) return { kind: 'notFound', message: `charge point ${command.identity} is not adopted` };
  const from = current.settings.securityProfile ?? 0;
  if (command.securityProfile <= from) return { kind: 'conflict', message: `securityProfile can only be raised: it is ${from}, ${command.securityProfile} is not higher` };
  if (needsPassword(command.securityProfile) && current.settings.passwordHash === null) {
    return { kind: 'invalid', message: `securityProfile ${command.securityProfile} needs a password (HTTP Basic authentication)` };
  }
  return undefined;
}

/** The wallbox accepted ChangeConfiguration SecurityProfile: the higher profile is enforced from now on. */
export function decideSecurityProfileRaise(command: RaiseSecurityProfile, current: ChargePointRecord): OperationDecision<ChargePointSettingsChanged> {
  const failure = securityProfileRaiseProblem(command, current);
  if (failure) return { ok: false, failure };
  const settings = { ...(current.settings as ChargePointSettings), securityProfile: command.securityProfile };
  return accept(createEvent('ChargePointSettingsChanged', settings, command.identity, command.at));
}

/** Before ChangeConfiguration AuthorizationKey: the new password opens the handshake from now on (the wallbox may be back before its answer is). */
export function decidePasswordRotationStart(command: ChangePassword, current: ChargePointRecord): OperationDecision<PasswordRotationStarted> {
  if (!current.settings) return reject('notFound', `charge point ${command.identity} is not adopted`);
  return accept(createEvent('PasswordRotationStarted', { pendingPasswordHash: command.passwordHash }, command.identity, command.at));
}

/** The wallbox said it did not take the new password: it stops opening the handshake. */
export function decidePasswordRotationAbandon(command: ForgetChargePoint, current: ChargePointRecord): OperationDecision<PasswordRotationAbandoned> {
  if (!current.settings) return accept();
  return accept(createEvent('PasswordRotationAbandoned', {}, command.identity, command.at));
}

/** DELETE of a charge point: it becomes discovered again when it next connects. */
export function decideChargePointForget(
  command: ForgetChargePoint,
  current: ChargePointRecord,
): OperationDecision<ChargePointForgotten> {
  if (!current.known && !current.settings) return reject('notFound', `charge point ${command.identity} not found`);
  return accept(createEvent('ChargePointForgotten', {}, command.identity, command.at));
}

function applyChanges(base: ChargePointSettings, changes: ChargePointChanges): ChargePointSettings {
  return {
    startMode: changes.startMode ?? base.startMode,
    relaxations: changes.relaxations ? [...new Set(changes.relaxations)].sort() : base.relaxations,
    autoStartIdTag: changes.autoStartIdTag === undefined ? base.autoStartIdTag : changes.autoStartIdTag,
    passwordHash: changes.passwordHash === undefined ? base.passwordHash : changes.passwordHash,
    description: changes.description === undefined ? base.description : changes.description,
    acceptedDataTransferVendors: changes.acceptedDataTransferVendors
      ? [...new Set(changes.acceptedDataTransferVendors)].sort()
      : (base.acceptedDataTransferVendors ?? []),
    securityProfile: changes.securityProfile ?? base.securityProfile ?? 0,
  };
}

function sameSettings(a: ChargePointSettings, b: ChargePointSettings): boolean {
  return (
    a.startMode === b.startMode &&
    a.autoStartIdTag === b.autoStartIdTag &&
    a.passwordHash === b.passwordHash &&
    a.description === b.description &&
    (a.securityProfile ?? 0) === (b.securityProfile ?? 0) &&
    sorted(a.relaxations) === sorted(b.relaxations) &&
    sorted(a.acceptedDataTransferVendors ?? []) === sorted(b.acceptedDataTransferVendors ?? [])
  );
}

/** Profiles 1 and 2 authenticate with HTTP Basic; profile 3 with its client certificate. */
function needsPassword(profile: SecurityProfile | undefined): boolean {
  return profile === 1 || profile === 2;
}

/** A list of names as one comparable text; JSON, so that no name can pass for two. */
function sorted(names: readonly string[]): string {
  return JSON.stringify([...names].sort());
}
