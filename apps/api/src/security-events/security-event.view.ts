import { ApiProperty } from '@nestjs/swagger';
import type { SecurityEventRow } from '@voltstream/read-models';
import { SequenceIdProperty, NextCursorProperty } from '../infrastructure/page-properties';

/** A SecurityEventNotification a wallbox sent (OCPP 1.6 security whitepaper). */
export class SecurityEventView {
  @SequenceIdProperty()
  id: number;

  @ApiProperty({ example: 'InvalidFirmwareSignature', description: 'the whitepaper event type, or the vendor’s own' })
  type: string;

  @ApiProperty({ format: 'date-time', description: 'when it happened, by the wallbox’s clock' })
  timestamp: string;

  @ApiProperty({ type: String, nullable: true })
  techInfo: string | null;

  @ApiProperty({ format: 'date-time', description: 'when the CSMS recorded it' })
  receivedAt: string;
}

/** A security event with the charge point that reported it: what a live change hands out. */
export interface ReceivedSecurityEventView {
  chargePointIdentity: string;
  securityEvent: SecurityEventView;
}

export class SecurityEventPageView {
  @ApiProperty({ type: [SecurityEventView], description: 'newest first' })
  items: SecurityEventView[];

  @NextCursorProperty()
  nextCursor: string | null;
}

export function toSecurityEventView(row: SecurityEventRow): SecurityEventView {
  return {
    id: Number(row.id),
    type: row.type,
    timestamp: row.occurredAt.toISOString(),
    techInfo: row.techInfo,
    receivedAt: row.receivedAt.toISOString(),
  };
}
