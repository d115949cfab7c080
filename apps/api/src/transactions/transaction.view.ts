import { ApiProperty } from '@nestjs/swagger';
import type { TransactionRow } from '@voltstream/read-models';
import { MeterValueView } from '../charge-points/meter-value.view';
import { TagOwnerView } from '../tags/tag.view';
import { NextCursorProperty } from '../infrastructure/page-properties';

/** A charging session as SPEC §5 names its fields. */
export class TransactionView {
  @ApiProperty()
  transactionId: number;

  @ApiProperty()
  chargePointIdentity: string;

  @ApiProperty({ type: Number, nullable: true })
  connectorId: number | null;

  @ApiProperty({ type: String, nullable: true })
  idTag: string | null;

  @ApiProperty({ type: TagOwnerView, nullable: true })
  tagOwner: TagOwnerView | null;

  @ApiProperty({ type: String, nullable: true, example: 'Accepted' })
  authorizationStatus: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Wh' })
  meterStart: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Wh; null while active' })
  meterEnd: number | null;

  @ApiProperty({ description: 'Wh: live while charging, final after the stop' })
  consumption: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  stoppedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  stopReason: string | null;

  @ApiProperty({ description: 'false for a stop of a transaction the CSMS never saw started' })
  known: boolean;
}

export class TransactionDetailView extends TransactionView {
  @ApiProperty({ type: [MeterValueView] })
  meterValues: MeterValueView[];
}

export class TransactionPageView {
  @ApiProperty({ type: [TransactionView], description: 'newest first' })
  items: TransactionView[];

  @NextCursorProperty()
  nextCursor: string | null;
}

export function toTransactionView(row: Omit<TransactionRow, 'transactionData'>): TransactionView {
  return {
    transactionId: row.transactionId,
    chargePointIdentity: row.chargePointIdentity,
    connectorId: row.connectorId,
    idTag: row.idTag,
    tagOwner: row.tagOwner,
    authorizationStatus: row.authorizationStatus,
    meterStart: row.meterStart,
    meterEnd: row.meterEnd,
    consumption: row.consumption,
    startedAt: row.startedAt?.toISOString() ?? null,
    stoppedAt: row.stoppedAt?.toISOString() ?? null,
    stopReason: row.stopReason,
    known: row.known,
  };
}
