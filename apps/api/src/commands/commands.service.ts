import { Injectable } from '@nestjs/common';
import { toWallboxCommand, type OperatorCommand } from '@voltstream/domain';
import { ConnectorsService } from '../charge-points/connectors.service';
import { OperationFailedError } from '../infrastructure/operation-failed.error';
import { WallboxLink } from '../infrastructure/wallbox-link.service';

/** The wallbox's reply payload, relayed as it gave it. */
export type WallboxAnswer = Record<string, unknown>;

/** Operator commands to wallboxes: answered with the wallbox's own reply payload. */
@Injectable()
export class CommandsService {
  constructor(
    private readonly connectors: ConnectorsService,
    private readonly link: WallboxLink,
  ) {}

  async send(identity: string, command: OperatorCommand): Promise<WallboxAnswer> {
    if (command.type === 'changeAvailability') await this.connectors.assertConnector(identity, command.connectorId);
    else await this.connectors.assertChargePoint(identity);
    const result = await this.link.send(identity, toWallboxCommand(command));
    if (!result.ok) throw new OperationFailedError(result.failure);
    return result.payload;
  }
}
