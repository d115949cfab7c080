import { applyDecorators, Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, type StreamableFile } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiGatewayTimeoutResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { WallboxAnswer } from '../commands/commands.service';
import { IdentityParams } from '../infrastructure/params';
import { DiagnosticsFiles } from './diagnostics-files.service';
import { fileResponse } from './file-response';
import { FirmwareCommands } from './firmware-commands.service';
import { DiagnosticsFileParams, GetDiagnosticsBody, UpdateFirmwareBody } from './firmware.dto';
import { DiagnosticsAnswerView, DiagnosticsFileView, LogAnswerView, SignedFirmwareAnswerView } from './firmware.view';
import { GetLogBody, SignedUpdateFirmwareBody } from './security-logs-firmware.dto';

/** A command to a wallbox: answered 200 with its answer, or why it was not. */
const WallboxCommand = (notFound: string) =>
  applyDecorators(
    HttpCode(HttpStatus.OK),
    ApiNotFoundResponse({ description: notFound }),
    ApiConflictResponse({ description: 'the charge point is offline' }),
    ApiGatewayTimeoutResponse({ description: 'the charge point did not answer in time' }),
    ApiBadGatewayResponse({ description: 'the charge point answered with a CALLERROR' }),
  );

@ApiTags('firmware')
@ApiBearerAuth()
@Controller('charge-points/:identity')
export class FirmwareController {
  constructor(
    private readonly commands: FirmwareCommands,
    private readonly diagnostics: DiagnosticsFiles,
  ) {}

  @Post('firmware')
  @WallboxCommand('an unknown charge point, or no firmware image of that name')
  @ApiOkResponse({ description: 'UpdateFirmware: the wallbox answers {} and reports its progress with FirmwareStatusNotification (firmwareStatus)' })
  updateFirmware(
    @Param() { identity }: IdentityParams,
    @Body() body: UpdateFirmwareBody,
    @Headers('host') host: string | undefined,
  ): Promise<WallboxAnswer> {
    return this.commands.updateFirmware(identity, body, host);
  }

  @Post('diagnostics')
  @WallboxCommand('an unknown charge point')
  @ApiOkResponse({ type: DiagnosticsAnswerView, description: 'GetDiagnostics: the file name the wallbox gives; progress in diagnosticsStatus' })
  getDiagnostics(
    @Param() { identity }: IdentityParams,
    @Body() body: GetDiagnosticsBody,
    @Headers('host') host: string | undefined,
  ): Promise<WallboxAnswer> {
    return this.commands.getDiagnostics(identity, body, host);
  }

  @Post('logs')
  @WallboxCommand('an unknown charge point')
  @ApiOkResponse({
    type: LogAnswerView,
    description: 'GetLog (security whitepaper): the file lands among the diagnostics files; progress in logStatus',
  })
  getLog(@Param() { identity }: IdentityParams, @Body() body: GetLogBody, @Headers('host') host: string | undefined): Promise<WallboxAnswer> {
    return this.commands.getLog(identity, body, host);
  }

  @Post('signed-firmware')
  @WallboxCommand('an unknown charge point, or no firmware image of that name')
  @ApiOkResponse({
    type: SignedFirmwareAnswerView,
    description: 'SignedUpdateFirmware (security whitepaper): progress in firmwareStatus (SignedFirmwareStatusNotification)',
  })
  signedUpdateFirmware(
    @Param() { identity }: IdentityParams,
    @Body() body: SignedUpdateFirmwareBody,
    @Headers('host') host: string | undefined,
  ): Promise<WallboxAnswer> {
    return this.commands.signedUpdateFirmware(identity, body, host);
  }

  @Get('diagnostics-files')
  @ApiOkResponse({ type: [DiagnosticsFileView], description: 'the diagnostics files the wallbox uploaded to the CSMS, by name' })
  diagnosticsFiles(@Param() { identity }: IdentityParams): Promise<DiagnosticsFileView[]> {
    return this.diagnostics.list(identity);
  }

  @Get('diagnostics-files/:name')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'the file as the wallbox uploaded it' })
  @ApiNotFoundResponse({ description: 'no such file' })
  async diagnosticsFile(@Param() { identity, name }: DiagnosticsFileParams): Promise<StreamableFile> {
    const { content } = await this.diagnostics.read(identity, name);
    return fileResponse(name, content);
  }
}
