import { Inject, Injectable } from '@nestjs/common';
import { ChargePointRow } from '@voltstream/read-models';
import type { DataSource, Repository } from 'typeorm';
import { toChargePointView } from '../charge-points/charge-point.view';
import { READ_MODELS } from '../infrastructure/tokens';
import { DEFAULT_FLEET_PAGE, type FleetQuery } from './fleet.dto';
import type { FleetPageView } from './fleet.view';

/** LIKE's own wildcards in what the operator typed match only themselves. */
const likePattern = (search: string) => `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** Pages of the fleet for the dashboard, filtered and counted in Postgres. */
@Injectable()
export class FleetService {
  private readonly chargePoints: Repository<ChargePointRow>;

  constructor(@Inject(READ_MODELS) readModels: DataSource) {
    this.chargePoints = readModels.getRepository(ChargePointRow);
  }

  async page(query: FleetQuery): Promise<FleetPageView> {
    const [[rows, total], counts] = await Promise.all([this.matching(query), this.counts()]);
    return { items: rows.map(toChargePointView), total, ...counts };
  }

  private matching({ search, state, online, offset, limit }: FleetQuery): Promise<[ChargePointRow[], number]> {
    const select = this.chargePoints
      .createQueryBuilder('cp')
      .leftJoinAndSelect('cp.connectors', 'connector')
      .orderBy('cp.identity', 'ASC')
      .addOrderBy('connector.connectorId', 'ASC')
      .skip(offset ?? 0)
      .take(limit ?? DEFAULT_FLEET_PAGE);
    if (search) {
      const where = "cp.identity ILIKE :pattern ESCAPE '\\' OR cp.vendor ILIKE :pattern ESCAPE '\\' OR cp.model ILIKE :pattern ESCAPE '\\'";
      select.andWhere(`(${where})`, { pattern: likePattern(search) });
    }
    if (state) select.andWhere('cp.state = :state', { state });
    if (online !== undefined) select.andWhere('cp.online = :online', { online });
    return select.getManyAndCount();
  }

  private async counts(): Promise<Pick<FleetPageView, 'discovered' | 'online'>> {
    const row = await this.chargePoints
      .createQueryBuilder('cp')
      .select("COUNT(*) FILTER (WHERE cp.state = 'discovered')", 'discovered')
      .addSelect('COUNT(*) FILTER (WHERE cp.online)', 'online')
      .getRawOne<{ discovered: string; online: string }>();
    return { discovered: Number(row?.discovered ?? 0), online: Number(row?.online ?? 0) };
  }
}
