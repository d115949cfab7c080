import { Controller, Get, Headers, Inject, Param, Post, Query, Req, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiPayloadTooLargeResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import type { Config } from '@voltstream/config';
import { PublicRoute } from '../infrastructure/bearer-token.guard';
import { API_CONFIG } from '../infrastructure/tokens';
import { fileResponse } from './file-response';
import { FirmwareImages } from './firmware-images.service';
import { FirmwareDownloadParams, FirmwareImageQuery } from './firmware.dto';
import { FirmwareImageView } from './firmware.view';
import { readFileBody } from './request-body';

@ApiTags('firmware')
@Controller()
export class FirmwareImagesController {
  constructor(
    private readonly images: FirmwareImages,
    @Inject(API_CONFIG) private readonly config: Config,
  ) {}

  @Post('firmware-images')
  @ApiBearerAuth()
  @ApiBody({ description: 'the image itself, as the raw body (application/octet-stream)', schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: FirmwareImageView })
  @ApiPayloadTooLargeResponse({ description: 'larger than FIRMWARE_IMAGE_MAX_BYTES' })
  async upload(@Query() query: FirmwareImageQuery, @Req() request: IncomingMessage, @Headers('host') host: string | undefined): Promise<FirmwareImageView> {
    return this.images.upload(query, await readFileBody(request, this.config.firmwareImageMaxBytes), host);
  }

  @Get('firmware-images')
  @ApiBearerAuth()
  @ApiOkResponse({ type: [FirmwareImageView] })
  list(@Headers('host') host: string | undefined): Promise<FirmwareImageView[]> {
    return this.images.list(host);
  }

  /** A wallbox has no bearer token: the path's capability is its permission. */
  @Get('firmware/:token/:name')
  @PublicRoute()
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'the image, for a wallbox following a download URL' })
  @ApiNotFoundResponse({ description: 'no such image, or not its download URL' })
  async download(@Param() { token, name }: FirmwareDownloadParams): Promise<StreamableFile> {
    const { content } = await this.images.download(token, name);
    return fileResponse(name, content);
  }
}
