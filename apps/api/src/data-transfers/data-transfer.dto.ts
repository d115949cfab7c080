import { PickType } from '@nestjs/swagger';
import { ListTransactionsQuery } from '../transactions/transaction.dto';

/** A page of a charge point's DataTransfers: paged as the transactions are. */
export class ListDataTransfersQuery extends PickType(ListTransactionsQuery, ['limit', 'cursor']) {}
