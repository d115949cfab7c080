import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiGatewayTimeoutResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { WallboxAnswer } from '../commands/commands.service';
import { IdentityParams } from '../infrastructure/params';
import { LocalListSyncBody } from './local-list.dto';
import { LocalListService } from './local-list.service';
import { LocalListSyncView, LocalListVersionView, LocalListView } from './local-list.view';

@ApiTags('local list')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'an unknown charge point' })
@ApiConflictResponse({ description: 'the charge point is offline, or not adopted' })
@ApiGatewayTimeoutResponse({ description: 'the charge point did not answer in time' })
@Controller('charge-points/:identity/local-list')
export class LocalListController {
  constructor(private readonly localList: LocalListService) {}

  @Get()
  @ApiOkResponse({ type: LocalListView })
  get(@Param() { identity }: IdentityParams): Promise<LocalListView> {
    return this.localList.get(identity);
  }

  @Post('sync')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: LocalListSyncView, description: 'SendLocalList, differential unless full (or the version held is unknown), in chunks' })
  sync(@Param() { identity }: IdentityParams, @Body() body: LocalListSyncBody): Promise<WallboxAnswer> {
    return this.localList.sync(identity, body);
  }

  @Post('version')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: LocalListVersionView, description: 'GetLocalListVersion, relayed and recorded' })
  version(@Param() { identity }: IdentityParams): Promise<WallboxAnswer> {
    return this.localList.readVersion(identity);
  }
}
