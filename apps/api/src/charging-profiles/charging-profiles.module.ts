import { Module } from '@nestjs/common';
import { ChargePointsModule } from '../charge-points/charge-points.module';
import { CommandsModule } from '../commands/commands.module';
import { ChargingProfilesController } from './charging-profiles.controller';
import { ChargingProfilesService } from './charging-profiles.service';

@Module({
  imports: [ChargePointsModule, CommandsModule],
  controllers: [ChargingProfilesController],
  providers: [ChargingProfilesService],
  exports: [ChargingProfilesService],
})
export class ChargingProfilesModule {}
