import { createParamDecorator, UseFilters, type ExecutionContext } from '@nestjs/common';
import { Args, GqlExecutionContext, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { WallboxAnswer } from '../commands/commands.service';
import { DiagnosticsFiles } from '../firmware/diagnostics-files.service';
import { FirmwareCommands } from '../firmware/firmware-commands.service';
import { FirmwareImages } from '../firmware/firmware-images.service';
import type { DiagnosticsFileView, FirmwareImageView } from '../firmware/firmware.view';
import { IdentityArgs } from './arguments';
import {
  DiagnosticsAnswerObject,
  DiagnosticsFileObject,
  FirmwareImageObject,
  GetDiagnosticsArgs,
  GetLogArgs,
  LogAnswerObject,
  SignedFirmwareAnswerObject,
  SignedUpdateFirmwareArgs,
  UpdateFirmwareArgs,
} from './firmware.types';
import { GraphqlErrorFilter } from './graphql-errors';

/** The host the HTTP request of a query or mutation reached: wallboxes most likely reach the API there too. */
const RequestHost = createParamDecorator(
  (_: unknown, context: ExecutionContext): string | undefined =>
    GqlExecutionContext.create(context).getContext<{ req?: { headers: { host?: string } } }>().req?.headers.host,
);

@UseFilters(GraphqlErrorFilter)
@Resolver()
export class FirmwareResolver {
  constructor(
    private readonly commands: FirmwareCommands,
    private readonly images: FirmwareImages,
    private readonly diagnostics: DiagnosticsFiles,
  ) {}

  @Mutation(() => Boolean, { description: 'UpdateFirmware: true once the wallbox confirmed (its answer is empty); progress in firmwareStatus' })
  async updateFirmware(@Args() { identity, ...body }: UpdateFirmwareArgs, @RequestHost() host: string | undefined): Promise<boolean> {
    await this.commands.updateFirmware(identity, body, host);
    return true;
  }

  @Mutation(() => DiagnosticsAnswerObject, { description: 'GetDiagnostics: the file name the wallbox gives; progress in diagnosticsStatus' })
  getDiagnostics(@Args() { identity, ...body }: GetDiagnosticsArgs, @RequestHost() host: string | undefined): Promise<WallboxAnswer> {
    return this.commands.getDiagnostics(identity, body, host);
  }

  @Mutation(() => LogAnswerObject, { description: 'GetLog (security whitepaper): the file lands among diagnosticsFiles; progress in logStatus' })
  getLog(@Args() { identity, ...body }: GetLogArgs, @RequestHost() host: string | undefined): Promise<WallboxAnswer> {
    return this.commands.getLog(identity, body, host);
  }

  @Mutation(() => SignedFirmwareAnswerObject, { description: 'SignedUpdateFirmware (security whitepaper): progress in firmwareStatus' })
  signedUpdateFirmware(@Args() { identity, ...body }: SignedUpdateFirmwareArgs, @RequestHost() host: string | undefined): Promise<WallboxAnswer> {
    return this.commands.signedUpdateFirmware(identity, body, host);
  }

  @Query(() => [FirmwareImageObject], { description: 'the firmware images operators uploaded, by name' })
  firmwareImages(@RequestHost() host: string | undefined): Promise<FirmwareImageView[]> {
    return this.images.list(host);
  }

  @Query(() => [DiagnosticsFileObject], { description: 'the diagnostics files a charge point uploaded, by name' })
  diagnosticsFiles(@Args() { identity }: IdentityArgs): Promise<DiagnosticsFileView[]> {
    return this.diagnostics.list(identity);
  }
}
