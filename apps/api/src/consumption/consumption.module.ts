import { Module } from '@nestjs/common';
import { ConsumptionController } from './consumption.controller';
import { ConsumptionResolver } from './consumption.resolver';
import { ConsumptionService } from './consumption.service';

/** Energy per day and charge point or tag, over REST (/api/consumption) and GraphQL (consumption). */
@Module({
  controllers: [ConsumptionController],
  providers: [ConsumptionService, ConsumptionResolver],
})
export class ConsumptionModule {}
