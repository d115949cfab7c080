import { Module } from '@nestjs/common';
import { ChargePointsModule } from '../charge-points/charge-points.module';
import { LocalListController } from './local-list.controller';
import { LocalListService } from './local-list.service';

@Module({
  imports: [ChargePointsModule],
  controllers: [LocalListController],
  providers: [LocalListService],
  exports: [LocalListService],
})
export class LocalListModule {}
