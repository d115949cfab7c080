import { Module } from '@nestjs/common';
import { ChargePointsModule } from '../charge-points/charge-points.module';
import { SecurityEventsController } from './security-events.controller';
import { SecurityEventsService } from './security-events.service';

@Module({
  imports: [ChargePointsModule],
  controllers: [SecurityEventsController],
  providers: [SecurityEventsService],
  exports: [SecurityEventsService],
})
export class SecurityEventsModule {}
