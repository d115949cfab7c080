import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Put, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { IdentityParams, LocalTagParams } from '../infrastructure/params';
import { createdOrOk, type ResponseStatus } from '../infrastructure/response-status';
import { LocalTagsService } from './local-tags.service';
import { PutTagBody } from './tag.dto';
import { TagView } from './tag.view';

@ApiTags('local tag lists')
@ApiBearerAuth()
@Controller('charge-points/:identity/local-tags')
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

  @Put(':idTag')
  @ApiOkResponse({ type: TagView, description: 'replaced' })
  @ApiCreatedResponse({ type: TagView, description: 'added' })
  @ApiBadRequestResponse()
  @ApiConflictResponse({ description: 'the charge point is not adopted' })
  async put(
    @Param() { identity, idTag }: LocalTagParams,
    @Body() body: PutTagBody,
    @Res({ passthrough: true }) response: ResponseStatus,
  ): Promise<TagView> {
    const saved = await this.localTags.put(identity, idTag, body);
    response.status(createdOrOk(saved.created));
    return saved.tag;
  }

  @Delete(':idTag')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  async remove(@Param() { identity, idTag }: LocalTagParams): Promise<void> {
    await this.localTags.remove(identity, idTag);
  }
}
