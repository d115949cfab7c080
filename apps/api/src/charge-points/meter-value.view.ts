import { ApiProperty } from '@nestjs/swagger';
import type { MeterValueRow } from '@voltstream/read-models';

/** One sampled value of a connector's meter history. */
export class MeterValueView {
  @ApiProperty({ format: 'date-time', description: "the wallbox's timestamp" })
  timestamp: string;

  @ApiProperty({ description: 'false when the timestamp was implausible: the history orders it by receipt instead' })
  timestampPlausible: boolean;

  @ApiProperty({ example: 'Energy.Active.Import.Register' })
  measurand: string;

  @ApiProperty({ type: Number, nullable: true, description: 'null when the wallbox sent no number (e.g. SignedData)' })
  value: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'Wh' })
  unit: string | null;

  @ApiProperty({ type: String, nullable: true })
  phase: string | null;

  @ApiProperty({ type: String, nullable: true })
  context: string | null;

  @ApiProperty({ type: String, nullable: true })
  location: string | null;

  @ApiProperty({ type: String, nullable: true })
  format: string | null;

  @ApiProperty({ type: Number, nullable: true })
  transactionId: number | null;
}

/** The columns a meter value view is made of. */
export type MeterValueColumns = Pick<MeterValueRow, 'timestamp' | 'timestampPlausible' | 'measurand' | 'value' | 'unit' | 'phase' | 'context' | 'location' | 'format' | 'transactionId'>;

export function toMeterValueView(row: MeterValueColumns): MeterValueView {
  return {
    timestamp: row.timestamp.toISOString(),
    timestampPlausible: row.timestampPlausible,
    measurand: row.measurand,
    value: row.value,
    unit: row.unit,
    phase: row.phase,
    context: row.context,
    location: row.location,
    format: row.format,
    transactionId: row.transactionId,
  };
}
