import { Inject, Injectable } from '@nestjs/common';
import { DataTransferRow } from '@voltstream/read-models';
import { In, type DataSource } from 'typeorm';
import { ChargePointsService } from '../charge-points/charge-points.service';
import { sequencePage } from '../infrastructure/sequence-page';
import { READ_MODELS } from '../infrastructure/tokens';
import type { ListDataTransfersQuery } from './data-transfer.dto';
import { toDataTransferView, type DataTransferPageView, type ReceivedDataTransferView } from './data-transfer.view';

/** The DataTransfers wallboxes sent to the CSMS, per charge point. */
@Injectable()
export class DataTransfersService {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    private readonly chargePoints: ChargePointsService,
  ) {}

  async list(identity: string, query: ListDataTransfersQuery): Promise<DataTransferPageView> {
    await this.chargePoints.assertKnown(identity);
    return sequencePage(this.readModels.getRepository(DataTransferRow), identity, query, toDataTransferView);
  }

  /** The DataTransfers of these events (their log sequences are their ids), oldest first; one not (or no longer) held is left out. */
  async findMany(ids: number[]): Promise<ReceivedDataTransferView[]> {
    const rows = await this.readModels.getRepository(DataTransferRow).find({ where: { id: In(ids.map(String)) }, order: { id: 'ASC' } });
    return rows.map((row) => ({ chargePointIdentity: row.chargePointIdentity, dataTransfer: toDataTransferView(row) }));
  }
}
