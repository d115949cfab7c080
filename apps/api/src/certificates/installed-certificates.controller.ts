import { Param } from '@nestjs/common';
import { ChargePointController, ChargePointGet } from '../infrastructure/resource-routes';
import { IdentityParams } from '../infrastructure/params';
import { InstalledCertificateView } from './certificate.view';
import { InstalledCertificatesService } from './installed-certificates.service';

@ChargePointController('charge points', 'installed-certificates')
export class InstalledCertificatesController {
  constructor(private readonly installed: InstalledCertificatesService) {}

  @ChargePointGet({ type: [InstalledCertificateView], description: 'the certificates the wallbox is believed to hold, from its answers to GetInstalledCertificateIds, InstallCertificate and DeleteCertificate' })
  list(@Param() { identity }: IdentityParams): Promise<InstalledCertificateView[]> {
    return this.installed.list(identity);
  }
}
