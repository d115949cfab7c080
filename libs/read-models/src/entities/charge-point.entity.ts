import { Column, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import { ConnectorRow } from './connector.entity';

export type ChargePointState = 'discovered' | 'adopted';

@Entity({ name: 'charge_points' })
export class ChargePointRow {
  @PrimaryColumn({ type: 'varchar', length: 48 })
  identity: string;

  @Column({ type: 'varchar', length: 16 })
  state: ChargePointState;

  @Column({ type: 'boolean', default: false })
  online: boolean;

  /** The connection the CP is online through; a disconnect of an older one does not take it offline. */
  @Column({ name: 'connection_id', type: 'varchar', length: 64, nullable: true })
  connectionId: string | null;

  @Column({ name: 'last_seen_at', type: 'timestamptz', nullable: true })
  lastSeenAt: Date | null;

  @Column({ name: 'start_mode', type: 'varchar', length: 16, nullable: true })
  startMode: string | null;

  @Column({ name: 'auto_start_id_tag', type: 'varchar', length: 20, nullable: true })
  autoStartIdTag: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'password_set', type: 'boolean', default: false })
  passwordSet: boolean;

  @Column({ name: 'security_profile', type: 'smallint', default: 0 })
  securityProfile: number;

  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  relaxations: string[];

  /** The vendor ids whose DataTransfer is answered Accepted. */
  @Column({ name: 'accepted_data_transfer_vendors', type: 'jsonb', default: () => "'[]'::jsonb" })
  acceptedDataTransferVendors: string[];

  @Column({ type: 'varchar', length: 20, nullable: true })
  vendor: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  model: string | null;

  @Column({ name: 'serial_number', type: 'varchar', length: 25, nullable: true })
  serialNumber: string | null;

  @Column({ name: 'firmware_version', type: 'varchar', length: 50, nullable: true })
  firmwareVersion: string | null;

  @Column({ name: 'registration_status', type: 'varchar', length: 16, nullable: true })
  registrationStatus: string | null;

  @Column({ name: 'last_id_tag', type: 'varchar', length: 20, nullable: true })
  lastIdTag: string | null;

  /** Connector 0's status and error code: the charge point as a whole. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  status: string | null;

  @Column({ name: 'error_code', type: 'varchar', length: 32, nullable: true })
  errorCode: string | null;

  @Column({ name: 'firmware_status', type: 'varchar', length: 32, nullable: true })
  firmwareStatus: string | null;

  @Column({ name: 'firmware_status_at', type: 'timestamptz', nullable: true })
  firmwareStatusAt: Date | null;

  @Column({ name: 'diagnostics_status', type: 'varchar', length: 32, nullable: true })
  diagnosticsStatus: string | null;

  @Column({ name: 'diagnostics_status_at', type: 'timestamptz', nullable: true })
  diagnosticsStatusAt: Date | null;

  @Column({ name: 'log_status', type: 'varchar', length: 32, nullable: true })
  logStatus: string | null;

  @Column({ name: 'log_status_at', type: 'timestamptz', nullable: true })
  logStatusAt: Date | null;

  /** The newest SignCertificate request (its OCPP message id) and where it stands. */
  @Column({ name: 'certificate_signing_request_id', type: 'text', nullable: true })
  certificateSigningRequestId: string | null;

  @Column({ name: 'certificate_signing_status', type: 'varchar', length: 16, nullable: true })
  certificateSigningStatus: string | null;

  @Column({ name: 'certificate_signing_reason', type: 'text', nullable: true })
  certificateSigningReason: string | null;

  @Column({ name: 'certificate_signing_at', type: 'timestamptz', nullable: true })
  certificateSigningAt: Date | null;

  @OneToMany(() => ConnectorRow, (connector) => connector.chargePoint)
  connectors: ConnectorRow[];
}
