import { Inject, Injectable } from '@nestjs/common';
import { DataTransferRow } from '@voltstream/read-models';
import type { DataSource } from 'typeorm';
import { ChargePointsService } from '../charge-points/charge-points.service';
import { notFound } from '../infrastructure/operation-failed.error';
import { DEFAULT_PAGE_SIZE } from '../infrastructure/params';
import { READ_MODELS } from '../infrastructure/tokens';
import { decodeCursor, encodeCursor } from '../transactions/cursor';
import type { ListDataTransfersQuery } from './data-transfer.dto';
import { toDataTransferView, type DataTransferPageView } from './data-transfer.view';

/** Ids are event sequences: positive, and safe integers in JavaScript. */
const SEQUENCES = { min: 1, max: Number.MAX_SAFE_INTEGER };

/** The DataTransfers wallboxes sent to the CSMS, per charge point. */
@Injectable()
export class DataTransfersService {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    private readonly chargePoints: ChargePointsService,
  ) {}

  /** Newest first; fetches one more than the page to know whether another page follows. */
  async list(identity: string, query: ListDataTransfersQuery): Promise<DataTransferPageView> {
    if (!(await this.chargePoints.isKnown(identity))) throw notFound(`charge point ${identity} not found`);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const select = this.readModels
      .getRepository(DataTransferRow)
      .createQueryBuilder('dt')
      .where('dt.chargePointIdentity = :identity', { identity })
      .orderBy('dt.id', 'DESC')
      .take(limit + 1);
    if (query.cursor) select.andWhere('dt.id < :before', { before: decodeCursor(query.cursor, SEQUENCES) });
    const rows = await select.getMany();
    const page = rows.slice(0, limit).map(toDataTransferView);
    return { items: page, nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null };
  }
}
