import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Put, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { IdTagParams } from '../infrastructure/params';
import { createdOrOk, type ResponseStatus } from '../infrastructure/response-status';
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

  @Put(':idTag')
  @ApiOkResponse({ type: TagView, description: 'replaced' })
  @ApiCreatedResponse({ type: TagView, description: 'added' })
  @ApiBadRequestResponse()
  async put(
    @Param() { idTag }: IdTagParams,
    @Body() body: PutTagBody,
    @Res({ passthrough: true }) response: ResponseStatus,
  ): Promise<TagView> {
    const saved = await this.tags.put(idTag, body);
    response.status(createdOrOk(saved.created));
    return saved.tag;
  }

  @Delete(':idTag')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  async remove(@Param() { idTag }: IdTagParams): Promise<void> {
    await this.tags.remove(idTag);
  }
}
