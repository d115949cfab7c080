import { UseFilters } from '@nestjs/common';
import { Args, Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { DataTransferPageView, DataTransferView } from '../data-transfers/data-transfer.view';
import { DataTransfersService } from '../data-transfers/data-transfers.service';
import { DataTransfersArgs } from './arguments';
import { GraphqlErrorFilter } from './graphql-errors';
import { SequenceIdField, NextCursorField } from './page-fields';

@ObjectType('DataTransfer', { description: 'A DataTransfer a wallbox sent to the CSMS, with the answer it got' })
export class DataTransferObject implements DataTransferView {
  @SequenceIdField()
  id: number;

  @Field()
  vendorId: string;

  @Field(() => String, { nullable: true })
  messageId: string | null;

  @Field(() => String, { nullable: true })
  data: string | null;

  @Field({ description: 'Accepted or UnknownVendorId' })
  status: string;

  @Field()
  receivedAt: string;
}

@ObjectType('ReceivedDataTransfer', { description: 'A DataTransfer a wallbox sent, and which wallbox sent it' })
export class ReceivedDataTransferObject {
  @Field()
  chargePointIdentity: string;

  @Field(() => DataTransferObject)
  dataTransfer: DataTransferObject;
}

@ObjectType('DataTransferPage')
export class DataTransferPageObject implements DataTransferPageView {
  @Field(() => [DataTransferObject], { description: 'newest first' })
  items: DataTransferObject[];

  @NextCursorField()
  nextCursor: string | null;
}

@UseFilters(GraphqlErrorFilter)
@Resolver()
export class DataTransfersResolver {
  constructor(private readonly service: DataTransfersService) {}

  @Query(() => DataTransferPageObject, { description: 'the DataTransfers a charge point sent, newest first, paged; NOT_FOUND for an unknown one' })
  dataTransfers(@Args() { identity, ...page }: DataTransfersArgs): Promise<DataTransferPageView> {
    return this.service.list(identity, page);
  }
}
