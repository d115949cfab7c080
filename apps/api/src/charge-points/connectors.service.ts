import { Inject, Injectable } from '@nestjs/common';
import { ChargePointRow, ConnectorRow, MeterValueRow } from '@voltstream/read-models';
import type { DataSource } from 'typeorm';
import { notFound } from '../infrastructure/operation-failed.error';
import { READ_MODELS } from '../infrastructure/tokens';
import type { MeterValuesQuery } from './charge-point.dto';
import { toConnectorView, type ConnectorView } from './charge-point.view';
import { toMeterValueView, type MeterValueView } from './meter-value.view';

const DEFAULT_METER_VALUE_LIMIT = 1000;

@Injectable()
export class ConnectorsService {
  constructor(@Inject(READ_MODELS) private readonly readModels: DataSource) {}

  async get(identity: string, connectorId: number): Promise<ConnectorView> {
    await this.assertChargePoint(identity);
    const row = await this.readModels.getRepository(ConnectorRow).findOneBy({ chargePointIdentity: identity, connectorId });
    if (!row) throw notFound(`connector ${connectorId} of charge point ${identity} not found`);
    return toConnectorView(row);
  }

  /** Connector 0 stands for the charge point as a whole (its main meter, its availability). */
  async assertConnector(identity: string, connectorId: number): Promise<void> {
    if (connectorId === 0) return this.assertChargePoint(identity);
    await this.get(identity, connectorId);
  }

  async assertChargePoint(identity: string): Promise<void> {
    if (!(await this.readModels.getRepository(ChargePointRow).existsBy({ identity }))) {
      throw notFound(`charge point ${identity} not found`);
    }
  }

  /** The connector's meter history between `from` (inclusive) and `to` (exclusive), oldest first. */
  async meterValues(identity: string, connectorId: number, query: MeterValuesQuery): Promise<MeterValueView[]> {
    await this.assertConnector(identity, connectorId);
    const select = this.readModels
      .getRepository(MeterValueRow)
      .createQueryBuilder('meterValue')
      .where('meterValue.chargePointIdentity = :identity AND meterValue.connectorId = :connectorId', { identity, connectorId })
      .orderBy('meterValue.orderedAt', 'ASC')
      .addOrderBy('meterValue.id', 'ASC')
      .take(query.limit ?? DEFAULT_METER_VALUE_LIMIT);
    if (query.from) select.andWhere('meterValue.orderedAt >= :from', { from: new Date(query.from) });
    if (query.to) select.andWhere('meterValue.orderedAt < :to', { to: new Date(query.to) });
    return (await select.getMany()).map(toMeterValueView);
  }
}
