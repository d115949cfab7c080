import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { SecurityProfile } from '@voltstream/contracts';
import { chargingProfileFailure, toWallboxCommand, type OperatorCommand } from '@voltstream/domain';
import { ChargePointsService } from '../charge-points/charge-points.service';
import { notFound, OperationFailedError } from '../infrastructure/operation-failed.error';
import { WallboxLink } from '../infrastructure/wallbox-link.service';

/** The wallbox's reply payload, relayed as it gave it. */
export type WallboxAnswer = Record<string, unknown>;

/**
 * Operator commands to wallboxes: answered with the wallbox's own reply payload. A command goes to
 * the wallbox whatever the read models show (they may lag behind what it just reported): it
 * decides, e.g. Rejected for a connector it does not have.
 */
@Injectable()
export class CommandsService {
  constructor(
    private readonly chargePoints: ChargePointsService,
    private readonly link: WallboxLink,
  ) {}

  /**
   * TC_073: a new password (given as text or as the hex of its bytes, or 24 random characters)
   * goes to the wallbox as ChangeConfiguration AuthorizationKey, the hex of its bytes; it is stored
   * only once the wallbox accepted it. @returns the password, shown this once.
   */
  async rotatePassword(identity: string, given: { password?: string; authorizationKey?: string }): Promise<{ password: string | null; authorizationKey: string }> {
    const bytes = given.authorizationKey ? Buffer.from(given.authorizationKey, 'hex') : Buffer.from(given.password ?? randomBytes(18).toString('base64url'), 'utf8');
    if (bytes.length < 16 || bytes.length > 40) throw new OperationFailedError({ kind: 'invalid', message: `password must be 16 to 40 bytes, got ${bytes.length}` });
    const authorizationKey = bytes.toString('hex');
    const text = bytes.toString('utf8');
    const passwordHash = await this.chargePoints.startPasswordRotation(identity, bytes);
    const answer = await this.sendRotation(identity, authorizationKey);
    if (answer.status !== 'Accepted') {
      await this.chargePoints.abandonPasswordRotation(identity);
      throw new OperationFailedError({ kind: 'conflict', message: `the wallbox answered ${String(answer.status)}: the password is unchanged` });
    }
    await this.chargePoints.changePassword(identity, passwordHash);
    return { password: Buffer.from(text, 'utf8').equals(bytes) ? text : null, authorizationKey };
  }

  /**
   * TC_083: ChangeConfiguration SecurityProfile, only upward. The higher profile is recorded, and
   * enforced at the handshake, only once the wallbox accepted it; a wallbox that rejects it keeps
   * its profile, so it is never locked out. @returns the profile before and after
   */
  async raiseSecurityProfile(identity: string, securityProfile: SecurityProfile): Promise<{ previousSecurityProfile: number; securityProfile: number }> {
    const previousSecurityProfile = await this.chargePoints.checkSecurityProfileRaise(identity, securityProfile);
    const answer = await this.send(identity, { type: 'changeConfiguration', key: 'SecurityProfile', value: String(securityProfile) });
    if (answer.status !== 'Accepted') {
      const message = `the wallbox answered ${String(answer.status)}: its security profile stays ${previousSecurityProfile}`;
      throw new OperationFailedError({ kind: 'conflict', message });
    }
    await this.chargePoints.raiseSecurityProfile({ identity, securityProfile, at: new Date() });
    return { previousSecurityProfile, securityProfile };
  }

  /**
   * ChangeConfiguration AuthorizationKey. A wallbox that never got it (offline) abandons the
   * rotation; one whose answer did not come (timeout, CALLERROR) may have switched, so its pending
   * password stays valid until the next rotation rather than lock it out.
   */
  private async sendRotation(identity: string, authorizationKey: string): Promise<WallboxAnswer> {
    try {
      return await this.send(identity, { type: 'changeConfiguration', key: 'AuthorizationKey', value: authorizationKey });
    } catch (error) {
      if (error instanceof OperationFailedError && error.failure.kind === 'offline') await this.chargePoints.abandonPasswordRotation(identity);
      throw error;
    }
  }

  async send(identity: string, command: OperatorCommand): Promise<WallboxAnswer> {
    const badProfile = chargingProfileFailure(command);
    if (badProfile) throw new OperationFailedError(badProfile);
    const result = await this.link.send(identity, toWallboxCommand(command));
    if (result.ok) return result.payload;
    if (result.failure.kind === 'offline' && !(await this.chargePoints.isKnown(identity))) {
      throw notFound(`charge point ${identity} not found`);
    }
    throw new OperationFailedError(result.failure);
  }
}
