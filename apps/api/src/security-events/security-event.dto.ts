import { PickType } from '@nestjs/swagger';
import { ListTransactionsQuery } from '../transactions/transaction.dto';

/** A page of a charge point's security events: paged as the transactions are. */
export class ListSecurityEventsQuery extends PickType(ListTransactionsQuery, ['limit', 'cursor']) {}
