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
}

/** Most charge points have no password, no relaxations, no vendor ids, no profile: they all share this one record. */
const PLAIN: GatewayRegistration = Object.freeze({
  passwordHash: null,
  relaxations: Object.freeze([]),
  acceptedDataTransferVendors: Object.freeze([]),
  securityProfile: 0,
  previousPasswordHash: null,
});

function registrationOf(settings: ChargePointSettings): GatewayRegistration {
  const acceptedDataTransferVendors = settings.acceptedDataTransferVendors ?? [];
  const securityProfile = settings.securityProfile ?? 0;
  const plain = settings.passwordHash === null && settings.relaxations.length === 0 && acceptedDataTransferVendors.length === 0;
  if (plain && securityProfile === 0) return PLAIN;
  return { passwordHash: settings.passwordHash, relaxations: settings.relaxations, acceptedDataTransferVendors, securityProfile, previousPasswordHash: null };
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
        return this.update(identity, { passwordHash: event.data.passwordHash, previousPasswordHash: event.data.previousPasswordHash });
      case 'PreviousPasswordRetired':
        return this.update(identity, { previousPasswordHash: null });
    }
  }

  private update(identity: string, changes: Partial<GatewayRegistration>): void {
    const current = this.registrations.get(identity);
    if (current) this.registrations.set(identity, { ...current, ...changes });
  }

  /** Undefined while the charge point is not adopted. */
  registration(identity: string): GatewayRegistration | undefined {
    return this.registrations.get(identity);
  }
}
