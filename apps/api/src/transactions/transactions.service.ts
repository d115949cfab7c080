import { Inject, Injectable } from '@nestjs/common';
import { MeterValueRow, queryPrepared, TransactionRow } from '@voltstream/read-models';
import type { DataSource } from 'typeorm';
import { toMeterValueView, type MeterValueColumns, type MeterValueView } from '../charge-points/meter-value.view';
import { notFound } from '../infrastructure/operation-failed.error';
import { READ_MODELS } from '../infrastructure/tokens';
import { decodeCursor, encodeCursor } from './cursor';
import { DEFAULT_PAGE_SIZE } from '../infrastructure/params';
import type { ListTransactionsQuery } from './transaction.dto';
import { toTransactionView, type TransactionDetailView, type TransactionPageView, type TransactionView } from './transaction.view';

type TransactionColumns = Omit<TransactionRow, 'transactionData'>;
/** A meter value's own columns; its transactionId is the transaction's. */
type SampleColumns = Omit<MeterValueColumns, 'transactionId'>;
/** A transaction with one of its meter values, or with nulls in their place when it has none. */
type TransactionDetailRow = TransactionColumns & (SampleColumns | { [K in keyof SampleColumns]: null });

/**
 * The read clients poll (has my transaction stopped?): one prepared statement, planned once per
 * connection, its columns named as the views name them. Through the query builder, which builds the
 * SQL and hydrates entities on every request, a read cost the API half as much CPU again.
 */
const TRANSACTION_DETAIL = `
  SELECT t.transaction_id AS "transactionId", t.charge_point_identity AS "chargePointIdentity", t.connector_id AS "connectorId",
         t.id_tag AS "idTag", t.tag_owner AS "tagOwner", t.authorization_status AS "authorizationStatus",
         t.meter_start AS "meterStart", t.meter_end AS "meterEnd", t.consumption, t.started_at AS "startedAt",
         t.stopped_at AS "stoppedAt", t.stop_reason AS "stopReason", t.known,
         mv.timestamp, mv.timestamp_plausible AS "timestampPlausible", mv.measurand, mv.value, mv.unit, mv.phase,
         mv.context, mv.location, mv.format
    FROM transactions t
    LEFT JOIN meter_values mv ON mv.transaction_id = t.transaction_id AND mv.charge_point_identity = t.charge_point_identity
   WHERE t.transaction_id = $1
   ORDER BY mv.ordered_at, mv.id`;

const hasMeterValue = (row: TransactionDetailRow): row is TransactionColumns & SampleColumns => row.measurand !== null;

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
    const rows = await queryPrepared<TransactionDetailRow>(this.readModels, { text: TRANSACTION_DETAIL, values: [transactionId] });
    if (rows.length === 0) throw notFound(`transaction ${transactionId} not found`);
    return { ...toTransactionView(rows[0]), meterValues: rows.filter(hasMeterValue).map(toMeterValueView) };
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
