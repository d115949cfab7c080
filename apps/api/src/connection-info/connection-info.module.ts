import { Module } from '@nestjs/common';
import { FirmwareModule } from '../firmware/firmware.module';
import { ConnectionInfoController } from './connection-info.controller';
import { ConnectionInfoService } from './connection-info.service';

@Module({
  imports: [FirmwareModule],
  controllers: [ConnectionInfoController],
  providers: [ConnectionInfoService],
  exports: [ConnectionInfoService],
})
export class ConnectionInfoModule {}
