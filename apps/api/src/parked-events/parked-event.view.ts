import { ApiProperty } from '@nestjs/swagger';
import { PARKED_EVENT_STATES, type ParkedEventRow, type ParkedEventState } from '@voltstream/read-models';

/** An event a consumer could not apply and skipped, and what became of retries. */
export class ParkedEventView {
  @ApiProperty()
  id: number;

  @ApiProperty({ example: 'state-projection' })
  consumer: string;

  @ApiProperty({ description: 'its place in the event log (stream sequence)' })
  sequence: number;

  @ApiProperty({ type: String, nullable: true, description: 'null when the event could not be read' })
  eventType: string | null;

  @ApiProperty({ type: String, nullable: true })
  chargePoint: string | null;

  @ApiProperty({ description: 'why it could not be applied' })
  error: string;

  @ApiProperty({ description: 'how often it was tried before it was parked' })
  attempts: number;

  @ApiProperty({ type: String, format: 'date-time' })
  parkedAt: string;

  @ApiProperty({ enum: PARKED_EVENT_STATES })
  state: ParkedEventState;

  @ApiProperty()
  retries: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  retriedAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'why the last retry failed' })
  retryError: string | null;
}

export class ParkedEventPageView {
  @ApiProperty({ type: [ParkedEventView] })
  items: ParkedEventView[];

  @ApiProperty({ description: 'how many match the filter' })
  total: number;
}

export function toParkedEventView(row: ParkedEventRow): ParkedEventView {
  return { ...row, parkedAt: row.parkedAt.toISOString(), retriedAt: row.retriedAt?.toISOString() ?? null };
}
