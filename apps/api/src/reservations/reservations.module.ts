import { Module } from '@nestjs/common';
import { ChargePointsModule } from '../charge-points/charge-points.module';
import { ReservationExpiry } from './reservation-expiry.service';
import { ReservationsController } from './reservations.controller';
import { ReservationsService } from './reservations.service';

@Module({
  imports: [ChargePointsModule],
  controllers: [ReservationsController],
  providers: [ReservationsService, ReservationExpiry],
  exports: [ReservationsService],
})
export class ReservationsModule {}
