import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ChargingProfileRecord } from '@voltstream/contracts';

/** A charging profile a wallbox accepted: what the CSMS believes is installed (SPEC §9). */
@Entity({ name: 'charging_profiles' })
@Index('charging_profiles_by_transaction', ['chargePointIdentity', 'transactionId'])
export class ChargingProfileRow {
  @PrimaryColumn({ name: 'charge_point_identity', type: 'varchar', length: 48 })
  chargePointIdentity: string;

  /** A wallbox holds one profile per id (OCPP 1.6 §3.13.2). */
  @PrimaryColumn({ name: 'charging_profile_id', type: 'integer' })
  chargingProfileId: number;

  /** 0: the charge point as a whole. */
  @Column({ name: 'connector_id', type: 'integer' })
  connectorId: number;

  @Column({ name: 'stack_level', type: 'integer' })
  stackLevel: number;

  @Column({ type: 'varchar', length: 32 })
  purpose: string;

  @Column({ name: 'transaction_id', type: 'integer', nullable: true })
  transactionId: number | null;

  /** The tag of the remote start whose transaction this TxProfile awaits; null once it started. */
  @Column({ name: 'remote_start_id_tag', type: 'varchar', nullable: true })
  remoteStartIdTag: string | null;

  /** The profile as the wallbox accepted it. */
  @Column({ type: 'jsonb' })
  profile: ChargingProfileRecord;

  @Column({ name: 'installed_at', type: 'timestamptz' })
  installedAt: Date;
}
