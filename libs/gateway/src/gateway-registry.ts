import type { ChargePointSettings, Relaxation, SecurityProfile, VoltstreamEvent } from '@voltstream/contracts';

/**
 * What the gateway needs of an adopted charge point: the password of its handshake, the relaxations
 * of its validation, the vendor ids whose DataTransfer it answers Accepted.
 */
export interface GatewayRegistration {
  readonly passwordHash: string | null;
  readonly relaxations: readonly Relaxation[];
  readonly acceptedDataTransferVendors: readonly string[];
  readonly securityProfile: SecurityProfile;
  /** The password before a rotation (PasswordChanged), valid until the wallbox connects with the new one. */
  readonly previousPasswordHash: string | null;
  /** The password of a rotation under way (PasswordRotationStarted), valid until it is recorded or abandoned. */
  readonly pendingPasswordHash: string | null;
  /** The wallbox connected with the pending password (PendingPasswordUsed) before PasswordChanged was recorded. */
  readonly pendingPasswordUsed: boolean;
}

/** Most charge points have no password, no relaxations, no vendor ids, no profile: they all share this one record. */
const PLAIN: GatewayRegistration = Object.freeze({
  passwordHash: null,
  relaxations: Object.freeze([]),
  acceptedDataTransferVendors: Object.freeze([]),
  securityProfile: 0,
  previousPasswordHash: null,
  pendingPasswordHash: null,
  pendingPasswordUsed: false,
});

function registrationOf(settings: ChargePointSettings): GatewayRegistration {
  const acceptedDataTransferVendors = settings.acceptedDataTransferVendors ?? [];
  const securityProfile = settings.securityProfile ?? 0;
  const plain = settings.passwordHash === null && settings.relaxations.length === 0 && acceptedDataTransferVendors.length === 0;
  if (plain && securityProfile === 0) return PLAIN;
  return { passwordHash: settings.passwordHash, relaxations: settings.relaxations, acceptedDataTransferVendors, securityProfile, previousPasswordHash: null, pendingPasswordHash: null, pendingPasswordUsed: false };
}

const NO_ROTATION = { pendingPasswordHash: null, pendingPasswordUsed: false } as const;

/** The wallbox came with the password of the rotation: before PasswordChanged, noted; after it, the previous one is retired. */
function pendingPasswordUsed(current: GatewayRegistration, passwordHash: string): Partial<GatewayRegistration> {
  if (current.passwordHash === passwordHash) return { previousPasswordHash: null };
  return current.pendingPasswordHash === passwordHash ? { pendingPasswordUsed: true } : {};
}

/**
 * The registry as the gateway needs it, folded from the `registry` events. Every pod holds the
 * registration of every adopted charge point, not only of those it holds, so it keeps one small
 * record each: no local tags (the authorization service's), no descriptions, no start modes.
 */
export class GatewayRegistry {
  private readonly registrations = new Map<string, GatewayRegistration>();

  apply(event: VoltstreamEvent): void {
    const identity = event.metadata.chargePoint;
    if (identity === null) return;
    switch (event.type) {
      case 'ChargePointAdopted':
        return void this.registrations.set(identity, registrationOf(event.data));
      case 'ChargePointSettingsChanged':
        // Settings of a charge point that is only discovered do not adopt it.
        if (this.registrations.has(identity)) this.registrations.set(identity, registrationOf(event.data));
        return;
      case 'ChargePointForgotten':
        return void this.registrations.delete(identity);
      case 'PasswordChanged':
        return this.update(identity, (current) => ({
          passwordHash: event.data.passwordHash,
          // Retired at once when the wallbox already came with the new password.
          previousPasswordHash: current.pendingPasswordUsed && current.pendingPasswordHash === event.data.passwordHash ? null : event.data.previousPasswordHash,
          ...NO_ROTATION,
        }));
      case 'PreviousPasswordRetired':
        return this.update(identity, () => ({ previousPasswordHash: null }));
      case 'PasswordRotationStarted':
        return this.update(identity, () => ({ pendingPasswordHash: event.data.pendingPasswordHash, pendingPasswordUsed: false }));
      case 'PasswordRotationAbandoned':
        return this.update(identity, () => NO_ROTATION);
      case 'PendingPasswordUsed':
        return this.update(identity, (current) => pendingPasswordUsed(current, event.data.passwordHash));
    }
  }

  private update(identity: string, changes: (current: GatewayRegistration) => Partial<GatewayRegistration>): void {
    const current = this.registrations.get(identity);
    if (current) this.registrations.set(identity, { ...current, ...changes(current) });
  }

  /** Undefined while the charge point is not adopted. */
  registration(identity: string): GatewayRegistration | undefined {
    return this.registrations.get(identity);
  }
}
