import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ConsumptionQuery } from './consumption.dto';
import { ConsumptionService } from './consumption.service';
import { ConsumptionBucketView } from './consumption.view';

@ApiTags('transactions')
@ApiBearerAuth()
@Controller('consumption')
export class ConsumptionController {
  constructor(private readonly consumption: ConsumptionService) {}

  @Get()
  @ApiOkResponse({ type: [ConsumptionBucketView], description: 'by day, then by charge point or tag' })
  @ApiBadRequestResponse({ description: 'a parameter is missing or invalid, or the period is empty or longer than 366 days' })
  buckets(@Query() query: ConsumptionQuery): Promise<ConsumptionBucketView[]> {
    return this.consumption.buckets(query);
  }
}
