import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ConnectionInfoQuery } from './connection-info.dto';
import { ConnectionInfoService } from './connection-info.service';
import { ConnectionInfoView } from './connection-info.view';

@ApiTags('connection info')
@ApiBearerAuth()
@Controller('connection-info')
export class ConnectionInfoController {
  constructor(private readonly connectionInfo: ConnectionInfoService) {}

  @Get()
  @ApiOkResponse({ type: ConnectionInfoView })
  describe(@Headers('host') host: string | undefined, @Query() { identity }: ConnectionInfoQuery): Promise<ConnectionInfoView> {
    return this.connectionInfo.describe(host, identity);
  }
}
