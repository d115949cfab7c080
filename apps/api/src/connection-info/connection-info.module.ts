import { Module } from '@nestjs/common';
import { ConnectionInfoController } from './connection-info.controller';
import { ConnectionInfoService } from './connection-info.service';

@Module({
  controllers: [ConnectionInfoController],
  providers: [ConnectionInfoService],
  exports: [ConnectionInfoService],
})
export class ConnectionInfoModule {}
