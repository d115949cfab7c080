import { Param, Query } from '@nestjs/common';
import { ChargePointController, ChargePointGet } from '../infrastructure/resource-routes';
import { IdentityParams } from '../infrastructure/params';
import { ListDataTransfersQuery } from './data-transfer.dto';
import { DataTransferPageView } from './data-transfer.view';
import { DataTransfersService } from './data-transfers.service';

@ChargePointController('charge points', 'data-transfers')
export class DataTransfersController {
  constructor(private readonly dataTransfers: DataTransfersService) {}

  @ChargePointGet({ type: DataTransferPageView, description: 'the DataTransfers the charge point sent, newest first, paged' })
  list(@Param() { identity }: IdentityParams, @Query() query: ListDataTransfersQuery): Promise<DataTransferPageView> {
    return this.dataTransfers.list(identity, query);
  }
}
