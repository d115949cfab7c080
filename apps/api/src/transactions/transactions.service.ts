import { Inject, Injectable } from '@nestjs/common';
import { MeterValueRow, TransactionRow } from '@voltstream/read-models';
import type { DataSource } from 'typeorm';
import { toMeterValueView, type MeterValueView } from '../charge-points/meter-value.view';
import { notFound } from '../infrastructure/operation-failed.error';
import { READ_MODELS } from '../infrastructure/tokens';
import { decodeCursor, encodeCursor } from './cursor';
import { DEFAULT_PAGE_SIZE, type ListTransactionsQuery } from './transaction.dto';
import { toTransactionView, type TransactionDetailView, type TransactionPageView, type TransactionView } from './transaction.view';

@Injectable()
export class TransactionsService {
  constructor(@Inject(READ_MODELS) private readonly readModels: DataSource) {}

  /** Newest first; fetches one more than the page to know whether another page follows. */
  async list(query: ListTransactionsQuery): Promise<TransactionPageView> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const select = this.readModels
      .getRepository(TransactionRow)
      .createQueryBuilder('tx')
      .orderBy('tx.transactionId', 'DESC')
      .take(limit + 1);
    if (query.chargePoint) select.andWhere('tx.chargePointIdentity = :identity', { identity: query.chargePoint });
    if (query.active !== undefined) select.andWhere(query.active ? 'tx.stoppedAt IS NULL' : 'tx.stoppedAt IS NOT NULL');
    if (query.cursor) select.andWhere('tx.transactionId < :before', { before: decodeCursor(query.cursor) });
    const rows = await select.getMany();
    const page = rows.slice(0, limit);
    const more = rows.length > limit;
    return { items: page.map(toTransactionView), nextCursor: more ? encodeCursor(page[page.length - 1].transactionId) : null };
  }

  /** The transaction with its meter values (oldest first), read in one query. */
  async get(transactionId: number): Promise<TransactionDetailView> {
    const row = (await this.readModels
      .getRepository(TransactionRow)
      .createQueryBuilder('tx')
      .leftJoinAndMapMany('tx.meterValues', MeterValueRow, 'mv', 'mv.transactionId = tx.transactionId AND mv.chargePointIdentity = tx.chargePointIdentity')
      .where('tx.transactionId = :transactionId', { transactionId })
      .orderBy('mv.orderedAt', 'ASC')
      .addOrderBy('mv.id', 'ASC')
      .getOne()) as (TransactionRow & { meterValues: MeterValueRow[] }) | null;
    if (!row) throw notFound(`transaction ${transactionId} not found`);
    return { ...toTransactionView(row), meterValues: row.meterValues.map(toMeterValueView) };
  }

  /** Oldest first. */
  async meterValues({ transactionId, chargePointIdentity }: Pick<TransactionView, 'transactionId' | 'chargePointIdentity'>): Promise<MeterValueView[]> {
    const rows = await this.readModels.getRepository(MeterValueRow).find({
      where: { transactionId, chargePointIdentity },
      order: { orderedAt: 'ASC', id: 'ASC' },
    });
    return rows.map(toMeterValueView);
  }
}
