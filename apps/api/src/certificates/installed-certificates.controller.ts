import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdentityParams } from '../infrastructure/params';
import { InstalledCertificateView } from './certificate.view';
import { InstalledCertificatesService } from './installed-certificates.service';

@ApiTags('charge points')
@ApiBearerAuth()
@Controller('charge-points/:identity/installed-certificates')
export class InstalledCertificatesController {
  constructor(private readonly installed: InstalledCertificatesService) {}

  @Get()
  @ApiOkResponse({ type: [InstalledCertificateView], description: 'the certificates the wallbox is believed to hold, from its answers to GetInstalledCertificateIds, InstallCertificate and DeleteCertificate' })
  @ApiNotFoundResponse({ description: 'an unknown charge point' })
  list(@Param() { identity }: IdentityParams): Promise<InstalledCertificateView[]> {
    return this.installed.list(identity);
  }
}
