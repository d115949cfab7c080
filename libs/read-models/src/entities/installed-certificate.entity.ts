import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A certificate the CSMS believes a wallbox holds (security whitepaper), from its answers to
 * GetInstalledCertificateIds, InstallCertificate and DeleteCertificate. Keyed by its hash data,
 * hex in lower case and the serial without leading zeroes.
 */
@Entity({ name: 'installed_certificates' })
export class InstalledCertificateRow {
  @PrimaryColumn({ name: 'charge_point_identity', type: 'varchar', length: 48 })
  chargePointIdentity: string;

  @PrimaryColumn({ name: 'hash_algorithm', type: 'varchar', length: 6 })
  hashAlgorithm: 'SHA256' | 'SHA384' | 'SHA512';

  @PrimaryColumn({ name: 'issuer_name_hash', type: 'varchar', length: 128 })
  issuerNameHash: string;

  @PrimaryColumn({ name: 'issuer_key_hash', type: 'varchar', length: 128 })
  issuerKeyHash: string;

  @PrimaryColumn({ name: 'serial_number', type: 'varchar', length: 40 })
  serialNumber: string;

  /** CentralSystemRootCertificate or ManufacturerRootCertificate. */
  @Column({ name: 'certificate_type', type: 'varchar', length: 32 })
  certificateType: 'CentralSystemRootCertificate' | 'ManufacturerRootCertificate';

  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt: Date;
}
