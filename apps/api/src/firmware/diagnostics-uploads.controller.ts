import { Controller, HttpCode, HttpStatus, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiForbiddenResponse, ApiPayloadTooLargeResponse, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { PublicRoute } from '../infrastructure/bearer-token.guard';
import { DiagnosticsFiles } from './diagnostics-files.service';
import { DiagnosticsUploadParams } from './firmware.dto';
import { DiagnosticsFileView } from './firmware.view';
import { readFileBody } from './request-body';

/**
 * Where wallboxes upload diagnostics (GetDiagnostics `location` + the file name), by PUT or POST
 * of the raw file. A wallbox has no bearer token: the path's capability is its permission.
 */
@ApiTags('firmware')
@PublicRoute()
@Controller('uploads/diagnostics/:identity/:token/:fileName')
export class DiagnosticsUploadsController {
  constructor(private readonly diagnostics: DiagnosticsFiles) {}

  @Put()
  @HttpCode(HttpStatus.CREATED)
  @ApiBody({ description: 'the file, as the raw body', schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: DiagnosticsFileView })
  @ApiForbiddenResponse({ description: 'not an upload URL of this charge point' })
  @ApiPayloadTooLargeResponse({ description: 'larger than DIAGNOSTICS_MAX_BYTES' })
  put(@Param() params: DiagnosticsUploadParams, @Req() request: IncomingMessage): Promise<DiagnosticsFileView> {
    return this.receive(params, request);
  }

  @Post()
  @ApiBody({ description: 'the file, as the raw body', schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: DiagnosticsFileView })
  post(@Param() params: DiagnosticsUploadParams, @Req() request: IncomingMessage): Promise<DiagnosticsFileView> {
    return this.receive(params, request);
  }

  private async receive({ identity, token, fileName }: DiagnosticsUploadParams, request: IncomingMessage): Promise<DiagnosticsFileView> {
    this.diagnostics.admit(identity, token);
    return this.diagnostics.receive(identity, fileName, await readFileBody(request, this.diagnostics.maxBytes));
  }
}
