import { Module } from '@nestjs/common';
import { ChargePointsModule } from '../charge-points/charge-points.module';
import { CommandsModule } from '../commands/commands.module';
import { CertificatesController } from './certificates.controller';
import { InstalledCertificatesController } from './installed-certificates.controller';
import { InstalledCertificatesService } from './installed-certificates.service';

@Module({
  imports: [CommandsModule, ChargePointsModule],
  controllers: [CertificatesController, InstalledCertificatesController],
  providers: [InstalledCertificatesService],
  exports: [InstalledCertificatesService],
})
export class CertificatesModule {}
