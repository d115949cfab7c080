import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ListTransactionsQuery, TransactionParams } from './transaction.dto';
import { TransactionDetailView, TransactionPageView } from './transaction.view';
import { TransactionsService } from './transactions.service';

@ApiTags('transactions')
@ApiBearerAuth()
@Controller('transactions')
export class TransactionsController {
  constructor(private readonly transactions: TransactionsService) {}

  @Get()
  @ApiOkResponse({ type: TransactionPageView })
  @ApiBadRequestResponse()
  list(@Query() query: ListTransactionsQuery): Promise<TransactionPageView> {
    return this.transactions.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: TransactionDetailView })
  @ApiNotFoundResponse()
  get(@Param() { id }: TransactionParams): Promise<TransactionDetailView> {
    return this.transactions.get(id);
  }
}
