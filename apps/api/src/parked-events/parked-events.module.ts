import { Module } from '@nestjs/common';
import { ParkedEventsController } from './parked-events.controller';
import { ParkedEventsService } from './parked-events.service';

@Module({
  controllers: [ParkedEventsController],
  providers: [ParkedEventsService],
  exports: [ParkedEventsService],
})
export class ParkedEventsModule {}
