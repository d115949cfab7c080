import { UseFilters } from '@nestjs/common';
import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { MeterValueView } from '../charge-points/meter-value.view';
import type { TransactionDetailView, TransactionPageView } from '../transactions/transaction.view';
import { TransactionsService } from '../transactions/transactions.service';
import { TransactionsArgs } from './arguments';
import { MeterValueObject } from './charge-point.types';
import { GraphqlErrorFilter } from './graphql-errors';
import { TransactionObject, TransactionPageObject } from './transaction.types';

@UseFilters(GraphqlErrorFilter)
@Resolver(() => TransactionObject)
export class TransactionsResolver {
  constructor(private readonly transactionsService: TransactionsService) {}

  @Query(() => TransactionPageObject, { description: 'transactions, newest first, paged' })
  transactions(@Args() query: TransactionsArgs): Promise<TransactionPageView> {
    return this.transactionsService.list(query);
  }

  @Query(() => TransactionObject, { nullable: true, description: 'one transaction with its meter values; NOT_FOUND when unknown' })
  transaction(@Args('transactionId', { type: () => Int }) transactionId: number): Promise<TransactionDetailView> {
    return this.transactionsService.get(transactionId);
  }

  @ResolveField(() => [MeterValueObject], { description: 'the meter values of the transaction, oldest first' })
  async meterValues(@Parent() transaction: TransactionObject): Promise<MeterValueView[]> {
    return transaction.meterValues ?? this.transactionsService.meterValues(transaction);
  }
}
