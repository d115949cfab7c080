import { Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { ChargePointController } from '../infrastructure/resource-routes';
import { ConnectorParams } from '../infrastructure/params';
import { MeterValuesQuery } from './charge-point.dto';
import { ConnectorView } from './charge-point.view';
import { ConnectorsService } from './connectors.service';
import { MeterValueView } from './meter-value.view';

@ChargePointController('charge points', 'connectors/:connectorId')
export class ConnectorsController {
  constructor(private readonly connectors: ConnectorsService) {}

  @Get()
  @ApiOkResponse({ type: ConnectorView })
  @ApiNotFoundResponse()
  get(@Param() { identity, connectorId }: ConnectorParams): Promise<ConnectorView> {
    return this.connectors.get(identity, connectorId);
  }

  @Get('meter-values')
  @ApiOkResponse({ type: [MeterValueView] })
  @ApiNotFoundResponse()
  meterValues(@Param() { identity, connectorId }: ConnectorParams, @Query() query: MeterValuesQuery): Promise<MeterValueView[]> {
    return this.connectors.meterValues(identity, connectorId, query);
  }
}
