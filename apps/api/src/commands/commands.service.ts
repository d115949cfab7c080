import { Injectable } from '@nestjs/common';
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
