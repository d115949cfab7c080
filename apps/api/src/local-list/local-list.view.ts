import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LocalListSyncRow } from '@voltstream/read-models';

export class LocalListView {
  @ApiProperty({ description: 'the version of the list the charge point should hold (0: none yet)' })
  wantedVersion: number;

  @ApiProperty({ type: 'integer', nullable: true, description: 'the last version it accepted whole; null while unknown' })
  acknowledgedVersion: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'its last answer to GetLocalListVersion' })
  reportedVersion: number | null;

  @ApiProperty({ enum: ['inSync', 'pending', 'notSupported'] })
  state: string;

  @ApiProperty()
  notSupported: boolean;

  @ApiProperty({ type: 'integer', nullable: true, description: 'SendLocalListMaxLength, as it reported it' })
  maxLength: number | null;

  @ApiPropertyOptional({ type: 'string', nullable: true, description: 'its last answer to SendLocalList' })
  lastStatus: string | null;

  @ApiPropertyOptional({ type: 'string', nullable: true, enum: ['Full', 'Differential'] })
  lastUpdateType: string | null;

  @ApiPropertyOptional({ type: 'string', format: 'date-time', nullable: true })
  lastSentAt: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'entries the charge point holds; null while unknown' })
  heldEntries: number | null;
}

export class LocalListSyncView {
  @ApiProperty({ description: 'the wallbox\'s answer to the last SendLocalList (Accepted, Failed, NotSupported, VersionMismatch), or InSync when nothing was to send' })
  status: string;

  @ApiProperty()
  version: number;

  @ApiPropertyOptional({ enum: ['Full', 'Differential'] })
  updateType?: string;

  @ApiPropertyOptional({ description: 'SendLocalList calls made' })
  chunks?: number;
}

export class LocalListVersionView {
  @ApiProperty({ description: '0: empty list; -1: the charge point has no local list' })
  listVersion: number;
}

/** Before the first local list event of a charge point. */
const NEVER_SYNCED = { wantedVersion: 0, acknowledgedVersion: null, reportedVersion: null, notSupported: false, maxLength: null, lastStatus: null, lastUpdateType: null, lastSentAt: null, state: 'pending', heldEntries: null };

export function toLocalListView(row: LocalListSyncRow | null): LocalListView {
  if (!row) return NEVER_SYNCED;
  const { chargePointIdentity: _identity, lastSentAt, held, ...fields } = row;
  return { ...fields, lastSentAt: lastSentAt?.toISOString() ?? null, heldEntries: held?.length ?? null };
}
