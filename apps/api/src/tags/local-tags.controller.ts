import { Body, Get, Param, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { IdentityParams, LocalTagParams } from '../infrastructure/params';
import { answerPut, ChargePointController, DeleteRoute, PutRoute, type ResponseStatus } from '../infrastructure/resource-routes';
import { LocalTagsService } from './local-tags.service';
import { PutTagBody } from './tag.dto';
import { TagView } from './tag.view';

@ChargePointController('local tag lists', 'local-tags')
export class LocalTagsController {
  constructor(private readonly localTags: LocalTagsService) {}

  @Get()
  @ApiOkResponse({ type: [TagView] })
  @ApiNotFoundResponse()
  list(@Param() { identity }: IdentityParams): Promise<TagView[]> {
    return this.localTags.list(identity);
  }

  @Get(':idTag')
  @ApiOkResponse({ type: TagView })
  @ApiNotFoundResponse()
  get(@Param() { identity, idTag }: LocalTagParams): Promise<TagView> {
    return this.localTags.get(identity, idTag);
  }

  @PutRoute(':idTag', TagView, { created: 'added', changed: 'replaced' })
  @ApiConflictResponse({ description: 'the charge point is not adopted' })
  async put(
    @Param() { identity, idTag }: LocalTagParams,
    @Body() body: PutTagBody,
    @Res({ passthrough: true }) response: ResponseStatus,
  ): Promise<TagView> {
    return answerPut(response, await this.localTags.put(identity, idTag, body));
  }

  @DeleteRoute(':idTag')
  async remove(@Param() { identity, idTag }: LocalTagParams): Promise<void> {
    await this.localTags.remove(identity, idTag);
  }
}
