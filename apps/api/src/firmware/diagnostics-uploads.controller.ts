import { applyDecorators, Controller, HttpCode, HttpStatus, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiForbiddenResponse, ApiPayloadTooLargeResponse, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { PublicRoute } from '../infrastructure/bearer-token.guard';
import { DiagnosticsFiles } from './diagnostics-files.service';
import { DiagnosticsUploadDirectoryParams, DiagnosticsUploadParams } from './firmware.dto';
import { DiagnosticsFileView } from './firmware.view';
import { readFileBody } from './request-body';

const Upload = (body: string) =>
  applyDecorators(
    HttpCode(HttpStatus.CREATED),
    ApiBody({ description: body, schema: { type: 'string', format: 'binary' } }),
    ApiCreatedResponse({ type: DiagnosticsFileView }),
    ApiForbiddenResponse({ description: 'not an upload URL of this charge point' }),
    ApiPayloadTooLargeResponse({ description: 'larger than DIAGNOSTICS_MAX_BYTES' }),
  );

/**
 * Where wallboxes upload diagnostics (GetDiagnostics `location`): a PUT or POST of the raw file
 * to the location + the file name, or a multipart/form-data POST to the location itself. A wallbox
 * has no bearer token: the path's capability is its permission, checked before the body is read.
 */
@ApiTags('firmware')
@PublicRoute()
@Controller('uploads/diagnostics/:identity/:token')
export class DiagnosticsUploadsController {
  constructor(private readonly diagnostics: DiagnosticsFiles) {}

  @Put(':fileName')
  @Upload('the file, as the raw body')
  put(@Param() params: DiagnosticsUploadParams, @Req() request: IncomingMessage): Promise<DiagnosticsFileView> {
    return this.receive(params, request);
  }

  @Post(':fileName')
  @Upload('the file, as the raw body or a multipart/form-data file part')
  post(@Param() params: DiagnosticsUploadParams, @Req() request: IncomingMessage): Promise<DiagnosticsFileView> {
    return this.receive(params, request);
  }

  @Post()
  @Upload('a multipart/form-data body whose file part names the file')
  postToDirectory(@Param() params: DiagnosticsUploadDirectoryParams, @Req() request: IncomingMessage): Promise<DiagnosticsFileView> {
    return this.receive(params, request);
  }

  private async receive(params: DiagnosticsUploadDirectoryParams & { fileName?: string }, request: IncomingMessage): Promise<DiagnosticsFileView> {
    this.diagnostics.admit(params.identity, params.token);
    const body = await readFileBody(request, this.diagnostics.maxBytes);
    return this.diagnostics.receiveUpload(params.identity, params.fileName, request.headers['content-type'], body);
  }
}
