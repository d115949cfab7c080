import { Body, Get, Param } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { CommandPost, WallboxCommandResponses } from '../commands/command-responses';
import { ChargePointController, UNKNOWN_CHARGE_POINT } from '../infrastructure/resource-routes';
import type { WallboxAnswer } from '../commands/commands.service';
import { IdentityParams } from '../infrastructure/params';
import { LocalListSyncBody } from './local-list.dto';
import { LocalListService } from './local-list.service';
import { LocalListSyncView, LocalListVersionView, LocalListView } from './local-list.view';

@ChargePointController('local list', 'local-list')
@WallboxCommandResponses({ notFound: UNKNOWN_CHARGE_POINT, offline: 'the charge point is offline, or not adopted', callError: null })
export class LocalListController {
  constructor(private readonly localList: LocalListService) {}

  @Get()
  @ApiOkResponse({ type: LocalListView })
  get(@Param() { identity }: IdentityParams): Promise<LocalListView> {
    return this.localList.get(identity);
  }

  @CommandPost('sync', { type: LocalListSyncView, description: 'SendLocalList, differential unless full (or the version held is unknown), in chunks' })
  sync(@Param() { identity }: IdentityParams, @Body() body: LocalListSyncBody): Promise<WallboxAnswer> {
    return this.localList.sync(identity, body);
  }

  @CommandPost('version', { type: LocalListVersionView, description: 'GetLocalListVersion, relayed and recorded' })
  version(@Param() { identity }: IdentityParams): Promise<WallboxAnswer> {
    return this.localList.readVersion(identity);
  }
}
