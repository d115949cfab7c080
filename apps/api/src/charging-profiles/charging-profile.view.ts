import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ChargingProfileRecord } from '@voltstream/contracts';
import type { ChargingProfileRow } from '@voltstream/read-models';

/** A profile a wallbox accepted: what the CSMS believes it holds (SPEC §9). */
export class ChargingProfileView {
  @ApiProperty({ description: '0: the charge point as a whole, or a remote start that named no connector' })
  connectorId: number;

  @ApiProperty()
  chargingProfileId: number;

  @ApiProperty()
  stackLevel: number;

  @ApiProperty({ example: 'TxDefaultProfile' })
  purpose: string;

  @ApiProperty({ type: Number, nullable: true, description: 'the transaction of a TxProfile' })
  transactionId: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'a remote start TxProfile waiting for its transaction: the tag of that start' })
  awaitingRemoteStartIdTag: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the OCPP 1.6 ChargingProfile as the wallbox accepted it' })
  profile: ChargingProfileRecord;

  @ApiProperty({ format: 'date-time' })
  installedAt: Date;
}

export function toChargingProfileView(row: ChargingProfileRow): ChargingProfileView {
  const { connectorId, chargingProfileId, stackLevel, purpose, transactionId, remoteStartIdTag, profile, installedAt } = row;
  return { connectorId, chargingProfileId, stackLevel, purpose, transactionId, awaitingRemoteStartIdTag: remoteStartIdTag, profile, installedAt };
}

export class CompositeScheduleView {
  @ApiProperty({ example: 'Accepted', description: 'Accepted or Rejected, as the wallbox answered' })
  status: string;

  @ApiPropertyOptional()
  connectorId?: number;

  @ApiPropertyOptional({ format: 'date-time' })
  scheduleStart?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'OCPP 1.6 ChargingSchedule: the composite the wallbox computed' })
  chargingSchedule?: Record<string, unknown>;
}
