import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FleetQuery } from './fleet.dto';
import { FleetService } from './fleet.service';
import { FleetPageView } from './fleet.view';

@ApiTags('charge points')
@ApiBearerAuth()
@Controller('fleet')
export class FleetController {
  constructor(private readonly fleet: FleetService) {}

  @Get()
  @ApiOkResponse({ type: FleetPageView, description: 'a page of the charge points matching the filter, by identity' })
  page(@Query() query: FleetQuery): Promise<FleetPageView> {
    return this.fleet.page(query);
  }
}
