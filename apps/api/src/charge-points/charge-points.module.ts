import { Module } from '@nestjs/common';
import { ChargePointsController } from './charge-points.controller';
import { ChargePointsService } from './charge-points.service';
import { ConnectorsController } from './connectors.controller';
import { ConnectorsService } from './connectors.service';

@Module({
  controllers: [ChargePointsController, ConnectorsController],
  providers: [ChargePointsService, ConnectorsService],
  exports: [ChargePointsService, ConnectorsService],
})
export class ChargePointsModule {}
