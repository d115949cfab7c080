import { Inject, Injectable } from '@nestjs/common';
import { InstalledCertificateRow } from '@voltstream/read-models';
import type { DataSource } from 'typeorm';
import { ChargePointsService } from '../charge-points/charge-points.service';
import { READ_MODELS } from '../infrastructure/tokens';
import { toInstalledCertificateView, type InstalledCertificateView } from './certificate.view';

/** The certificates each wallbox is believed to hold, from its answers (read model). */
@Injectable()
export class InstalledCertificatesService {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    private readonly chargePoints: ChargePointsService,
  ) {}

  async list(identity: string): Promise<InstalledCertificateView[]> {
    await this.chargePoints.assertKnown(identity);
    return this.held(identity);
  }

  /** What `list` answers, for a charge point known to exist (or forgotten since: none). */
  async held(identity: string): Promise<InstalledCertificateView[]> {
    const rows = await this.readModels.getRepository(InstalledCertificateRow).find({
      where: { chargePointIdentity: identity },
      order: { certificateType: 'ASC', reportedAt: 'ASC', serialNumber: 'ASC' },
    });
    return rows.map(toInstalledCertificateView);
  }
}
