import { ApiProperty } from '@nestjs/swagger';
import type { DataTransferRow } from '@voltstream/read-models';
import { SequenceIdProperty, NextCursorProperty } from '../infrastructure/page-properties';

/** A DataTransfer a wallbox sent to the CSMS, with the answer it got. */
export class DataTransferView {
  @SequenceIdProperty()
  id: number;

  @ApiProperty()
  vendorId: string;

  @ApiProperty({ type: String, nullable: true })
  messageId: string | null;

  @ApiProperty({ type: String, nullable: true })
  data: string | null;

  @ApiProperty({ example: 'Accepted', description: 'what the CSMS answered: Accepted (a vendor id the charge point is set to accept) or UnknownVendorId' })
  status: string;

  @ApiProperty({ format: 'date-time' })
  receivedAt: string;
}

export class DataTransferPageView {
  @ApiProperty({ type: [DataTransferView], description: 'newest first' })
  items: DataTransferView[];

  @NextCursorProperty()
  nextCursor: string | null;
}

/** A DataTransfer with the charge point that sent it: what a live change hands out. */
export interface ReceivedDataTransferView {
  chargePointIdentity: string;
  dataTransfer: DataTransferView;
}

export function toDataTransferView(row: DataTransferRow): DataTransferView {
  return {
    id: Number(row.id),
    vendorId: row.vendorId,
    messageId: row.messageId,
    data: row.data,
    status: row.status,
    receivedAt: row.receivedAt.toISOString(),
  };
}
