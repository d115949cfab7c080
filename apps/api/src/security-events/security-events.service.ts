import { Inject, Injectable } from '@nestjs/common';
import { SecurityEventRow } from '@voltstream/read-models';
import { In, type DataSource } from 'typeorm';
import { ChargePointsService } from '../charge-points/charge-points.service';
import { sequencePage } from '../infrastructure/sequence-page';
import { READ_MODELS } from '../infrastructure/tokens';
import type { ListSecurityEventsQuery } from './security-event.dto';
import { toSecurityEventView, type ReceivedSecurityEventView, type SecurityEventPageView } from './security-event.view';

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

  /** The security events of these events (their log sequences are their ids), oldest first; one not (or no longer) held is left out. */
  async findMany(ids: number[]): Promise<ReceivedSecurityEventView[]> {
    const rows = await this.readModels.getRepository(SecurityEventRow).find({ where: { id: In(ids.map(String)) }, order: { id: 'ASC' } });
    return rows.map((row) => ({ chargePointIdentity: row.chargePointIdentity, securityEvent: toSecurityEventView(row) }));
  }
}
