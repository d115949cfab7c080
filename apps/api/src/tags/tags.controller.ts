import { Body, Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdTagParams } from '../infrastructure/params';
import { answerPut, DeleteRoute, PutRoute, type ResponseStatus } from '../infrastructure/resource-routes';
import { PutTagBody } from './tag.dto';
import { TagView } from './tag.view';
import { TagsService } from './tags.service';

@ApiTags('central tag list')
@ApiBearerAuth()
@Controller('tags')
export class TagsController {
  constructor(private readonly tags: TagsService) {}

  @Get()
  @ApiOkResponse({ type: [TagView] })
  list(): Promise<TagView[]> {
    return this.tags.list();
  }

  @Get(':idTag')
  @ApiOkResponse({ type: TagView })
  @ApiNotFoundResponse()
  get(@Param() { idTag }: IdTagParams): Promise<TagView> {
    return this.tags.get(idTag);
  }

  @PutRoute(':idTag', TagView, { created: 'added', changed: 'replaced' })
  async put(@Param() { idTag }: IdTagParams, @Body() body: PutTagBody, @Res({ passthrough: true }) response: ResponseStatus): Promise<TagView> {
    return answerPut(response, await this.tags.put(idTag, body));
  }

  @DeleteRoute(':idTag')
  async remove(@Param() { idTag }: IdTagParams): Promise<void> {
    await this.tags.remove(idTag);
  }
}
