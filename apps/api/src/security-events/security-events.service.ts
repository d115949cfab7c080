import { Inject, Injectable } from '@nestjs/common';
import { SecurityEventRow } from '@voltstream/read-models';
import type { DataSource } from 'typeorm';
import { ChargePointsService } from '../charge-points/charge-points.service';
import { sequencePage } from '../infrastructure/sequence-page';
import { READ_MODELS } from '../infrastructure/tokens';
import type { ListSecurityEventsQuery } from './security-event.dto';
import { toSecurityEventView, type SecurityEventPageView } from './security-event.view';

/** The security events wallboxes reported, per charge point. */
@Injectable()
export class SecurityEventsService {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    private readonly chargePoints: ChargePointsService,
  ) {}

  async list(identity: string, query: ListSecurityEventsQuery): Promise<SecurityEventPageView> {
    await this.chargePoints.assertKnown(identity);
    return sequencePage(this.readModels.getRepository(SecurityEventRow), identity, query, toSecurityEventView);
  }
}
