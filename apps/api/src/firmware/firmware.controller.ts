import { Body, Get, Headers, Param, type StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { CommandPost, WallboxCommandResponses } from '../commands/command-responses';
import { ChargePointController, UNKNOWN_CHARGE_POINT } from '../infrastructure/resource-routes';
import type { WallboxAnswer } from '../commands/commands.service';
import { IdentityParams } from '../infrastructure/params';
import { DiagnosticsFiles } from './diagnostics-files.service';
import { fileResponse } from './file-response';
import { FirmwareCommands } from './firmware-commands.service';
import { DiagnosticsFileParams, GetDiagnosticsBody, UpdateFirmwareBody } from './firmware.dto';
import { DiagnosticsAnswerView, DiagnosticsFileView, LogAnswerView, SignedFirmwareAnswerView } from './firmware.view';
import { GetLogBody, SignedUpdateFirmwareBody } from './security-logs-firmware.dto';

const NO_IMAGE = { notFound: `${UNKNOWN_CHARGE_POINT}, or no firmware image of that name` };

@ChargePointController('firmware')
export class FirmwareController {
  constructor(
    private readonly commands: FirmwareCommands,
    private readonly diagnostics: DiagnosticsFiles,
  ) {}

  @CommandPost('firmware', { description: 'UpdateFirmware: the wallbox answers {} and reports its progress with FirmwareStatusNotification (firmwareStatus)' })
  @WallboxCommandResponses(NO_IMAGE)
  updateFirmware(
    @Param() { identity }: IdentityParams,
    @Body() body: UpdateFirmwareBody,
    @Headers('host') host: string | undefined,
  ): Promise<WallboxAnswer> {
    return this.commands.updateFirmware(identity, body, host);
  }

  @CommandPost('diagnostics', { type: DiagnosticsAnswerView, description: 'GetDiagnostics: the file name the wallbox gives; progress in diagnosticsStatus' })
  @WallboxCommandResponses({ notFound: UNKNOWN_CHARGE_POINT })
  getDiagnostics(
    @Param() { identity }: IdentityParams,
    @Body() body: GetDiagnosticsBody,
    @Headers('host') host: string | undefined,
  ): Promise<WallboxAnswer> {
    return this.commands.getDiagnostics(identity, body, host);
  }

  @CommandPost('logs', {
    type: LogAnswerView,
    description: 'GetLog (security whitepaper): the file lands among the diagnostics files; progress in logStatus',
  })
  @WallboxCommandResponses({ notFound: UNKNOWN_CHARGE_POINT })
  getLog(@Param() { identity }: IdentityParams, @Body() body: GetLogBody, @Headers('host') host: string | undefined): Promise<WallboxAnswer> {
    return this.commands.getLog(identity, body, host);
  }

  @CommandPost('signed-firmware', {
    type: SignedFirmwareAnswerView,
    description: 'SignedUpdateFirmware (security whitepaper): progress in firmwareStatus (SignedFirmwareStatusNotification)',
  })
  @WallboxCommandResponses(NO_IMAGE)
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
