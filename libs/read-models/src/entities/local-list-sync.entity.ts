import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LocalListEntry } from '@voltstream/contracts';

/** Where each charge point's local authorization list stands (Local Auth List Management). */
@Entity({ name: 'local_list_sync' })
export class LocalListSyncRow {
  @PrimaryColumn({ name: 'charge_point_identity', type: 'varchar', length: 48 })
  chargePointIdentity: string;

  /** The version of the list it should hold. */
  @Column({ name: 'wanted_version', type: 'integer' })
  wantedVersion: number;

  /** The last version it accepted whole; null while unknown. */
  @Column({ name: 'acknowledged_version', type: 'integer', nullable: true })
  acknowledgedVersion: number | null;

  /** Its last answer to GetLocalListVersion. */
  @Column({ name: 'reported_version', type: 'integer', nullable: true })
  reportedVersion: number | null;

  @Column({ name: 'not_supported', type: 'boolean' })
  notSupported: boolean;

  /** SendLocalListMaxLength, as it reported it. */
  @Column({ name: 'max_length', type: 'integer', nullable: true })
  maxLength: number | null;

  @Column({ name: 'last_status', type: 'text', nullable: true })
  lastStatus: string | null;

  @Column({ name: 'last_update_type', type: 'text', nullable: true })
  lastUpdateType: string | null;

  @Column({ name: 'last_sent_at', type: 'timestamptz', nullable: true })
  lastSentAt: Date | null;

  /** `inSync`, `pending` or `notSupported`. */
  @Column({ type: 'text' })
  state: string;

  /** What it holds, from the chunks it accepted; null while unknown. */
  @Column({ type: 'jsonb', nullable: true })
  held: LocalListEntry[] | null;
}
