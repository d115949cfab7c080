import { Body, Delete, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { CommandPost, WallboxCommandResponses } from '../commands/command-responses';
import { ChargePointController } from '../infrastructure/resource-routes';
import { CommandStatusView } from '../commands/command.view';
import { CommandsService, type WallboxAnswer } from '../commands/commands.service';
import { IdentityParams } from '../infrastructure/params';
import { CertificateHashDataQuery, InstallCertificateBody, InstalledCertificatesQuery } from './certificate.dto';
import { InstalledCertificatesView } from './certificate.view';

/** The certificates a wallbox holds (security whitepaper M03–M05): every command and answer is recorded in the event log. */
@ChargePointController('commands', 'certificates')
@WallboxCommandResponses()
export class CertificatesController {
  constructor(private readonly commands: CommandsService) {}

  @CommandPost('', { type: CommandStatusView, description: 'InstallCertificate: Accepted, Rejected or Failed' })
  install(@Param() { identity }: IdentityParams, @Body() { certificateType, certificate }: InstallCertificateBody): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'installCertificate', certificateType, certificate });
  }

  @Get()
  @ApiOkResponse({ type: InstalledCertificatesView, description: 'GetInstalledCertificateIds: the hash data of each certificate of that type' })
  installed(@Param() { identity }: IdentityParams, @Query() { certificateType }: InstalledCertificatesQuery): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'getInstalledCertificateIds', certificateType });
  }

  @Delete()
  @ApiOkResponse({ type: CommandStatusView, description: 'DeleteCertificate: Accepted, Failed or NotFound' })
  delete(@Param() { identity }: IdentityParams, @Query() certificateHashData: CertificateHashDataQuery): Promise<WallboxAnswer> {
    return this.commands.send(identity, { type: 'deleteCertificate', certificateHashData });
  }
}
