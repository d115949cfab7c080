import { Module } from '@nestjs/common';
import { FleetController } from './fleet.controller';
import { FleetResolver } from './fleet.resolver';
import { FleetService } from './fleet.service';

/** The fleet a page at a time, over REST (/api/fleet) and GraphQL (fleet). */
@Module({
  controllers: [FleetController],
  providers: [FleetService, FleetResolver],
})
export class FleetModule {}
