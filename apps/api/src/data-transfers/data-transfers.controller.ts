import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdentityParams } from '../infrastructure/params';
import { ListDataTransfersQuery } from './data-transfer.dto';
import { DataTransferPageView } from './data-transfer.view';
import { DataTransfersService } from './data-transfers.service';

@ApiTags('charge points')
@ApiBearerAuth()
@Controller('charge-points/:identity/data-transfers')
export class DataTransfersController {
  constructor(private readonly dataTransfers: DataTransfersService) {}

  @Get()
  @ApiOkResponse({ type: DataTransferPageView, description: 'the DataTransfers the charge point sent, newest first, paged' })
  @ApiNotFoundResponse({ description: 'an unknown charge point' })
  list(@Param() { identity }: IdentityParams, @Query() query: ListDataTransfersQuery): Promise<DataTransferPageView> {
    return this.dataTransfers.list(identity, query);
  }
}
