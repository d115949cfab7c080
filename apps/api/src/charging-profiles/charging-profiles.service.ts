import { Inject, Injectable } from '@nestjs/common';
import type { OperatorCommand } from '@voltstream/domain';
import { ChargingProfileRow, ConnectorRow } from '@voltstream/read-models';
import type { DataSource } from 'typeorm';
import { CommandsService, type WallboxAnswer } from '../commands/commands.service';
import { ConnectorsService } from '../charge-points/connectors.service';
import { OperationFailedError } from '../infrastructure/operation-failed.error';
import { READ_MODELS } from '../infrastructure/tokens';
import type { ChargingProfilesQuery } from './charging-profile.dto';
import { toChargingProfileView, type ChargingProfileView } from './charging-profile.view';

type ConnectorCommand = Extract<OperatorCommand, { type: 'setChargingProfile' | 'clearChargingProfile' | 'getCompositeSchedule' }>;

/** Smart Charging: the commands (answered as the wallbox answered) and the profiles each wallbox accepted. */
@Injectable()
export class ChargingProfilesService {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    private readonly commands: CommandsService,
    private readonly connectors: ConnectorsService,
  ) {}

  async send(identity: string, command: ConnectorCommand): Promise<WallboxAnswer> {
    if (command.connectorId !== undefined) await this.assertKnownConnector(identity, command.connectorId);
    return this.commands.send(identity, command);
  }

  async list(identity: string, { connectorId, purpose }: ChargingProfilesQuery): Promise<ChargingProfileView[]> {
    await this.connectors.assertChargePoint(identity);
    return this.installed(identity, { connectorId, purpose });
  }

  /** The profiles the read models hold for a charge point, whether or not it is known: per connector and purpose, the highest stack level first. */
  async installed(identity: string, { connectorId, purpose }: ChargingProfilesQuery = {}): Promise<ChargingProfileView[]> {
    const rows = await this.readModels.getRepository(ChargingProfileRow).find({
      where: { chargePointIdentity: identity, connectorId, purpose },
      order: { connectorId: 'ASC', purpose: 'ASC', stackLevel: 'DESC', chargingProfileId: 'ASC' },
    });
    return rows.map(toChargingProfileView);
  }

  /**
   * A connector the charge point reported none of is refused (400) before anything is sent. Only
   * once it reported some: until then the wallbox decides (it answers Rejected).
   */
  private async assertKnownConnector(identity: string, connectorId: number): Promise<void> {
    if (connectorId === 0) return;
    const known = await this.readModels.getRepository(ConnectorRow).find({ where: { chargePointIdentity: identity }, select: { connectorId: true } });
    if (known.length === 0 || known.some((connector) => connector.connectorId === connectorId)) return;
    throw new OperationFailedError({ kind: 'invalid', message: `connectorId ${connectorId}: charge point ${identity} has no such connector` });
  }
}
