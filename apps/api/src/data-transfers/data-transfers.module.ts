import { Module } from '@nestjs/common';
import { ChargePointsModule } from '../charge-points/charge-points.module';
import { DataTransfersController } from './data-transfers.controller';
import { DataTransfersService } from './data-transfers.service';

@Module({
  imports: [ChargePointsModule],
  controllers: [DataTransfersController],
  providers: [DataTransfersService],
  exports: [DataTransfersService],
})
export class DataTransfersModule {}
