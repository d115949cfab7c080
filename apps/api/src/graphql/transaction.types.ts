import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { TransactionPageView, TransactionView } from '../transactions/transaction.view';
import { MeterValueObject } from './charge-point.types';
import { TagOwnerObject } from './tag.types';
import { NextCursorField } from './page-fields';

@ObjectType('Transaction', { description: 'A charging session, as SPEC §5 names its fields' })
export class TransactionObject implements TransactionView {
  @Field(() => Int)
  transactionId: number;

  @Field()
  chargePointIdentity: string;

  @Field(() => Int, { nullable: true })
  connectorId: number | null;

  @Field(() => String, { nullable: true })
  idTag: string | null;

  @Field(() => TagOwnerObject, { nullable: true })
  tagOwner: TagOwnerObject | null;

  @Field(() => String, { nullable: true })
  authorizationStatus: string | null;

  @Field(() => Int, { nullable: true, description: 'Wh' })
  meterStart: number | null;

  @Field(() => Int, { nullable: true, description: 'Wh; null while active' })
  meterEnd: number | null;

  @Field(() => Int, { description: 'Wh: live while charging, final after the stop' })
  consumption: number;

  @Field(() => String, { nullable: true, description: 'ISO 8601' })
  startedAt: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601' })
  stoppedAt: string | null;

  @Field(() => String, { nullable: true })
  stopReason: string | null;

  @Field({ description: 'false for a stop of a transaction the CSMS never saw started' })
  known: boolean;

  /** Present when read one by one; the list leaves them to the meterValues field resolver. */
  meterValues?: MeterValueObject[];
}

@ObjectType('TransactionPage')
export class TransactionPageObject implements TransactionPageView {
  @Field(() => [TransactionObject], { description: 'newest first' })
  items: TransactionObject[];

  @NextCursorField()
  nextCursor: string | null;
}
