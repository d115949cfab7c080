import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Security whitepaper SignCertificate: where each charge point's newest signing request stands. */
export class CertificateSigning1766300000000 implements MigrationInterface {
  name = 'CertificateSigning1766300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE charge_points
        ADD COLUMN certificate_signing_request_id text,
        ADD COLUMN certificate_signing_status varchar(16),
        ADD COLUMN certificate_signing_reason text,
        ADD COLUMN certificate_signing_at timestamptz`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE charge_points
        DROP COLUMN certificate_signing_request_id,
        DROP COLUMN certificate_signing_status,
        DROP COLUMN certificate_signing_reason,
        DROP COLUMN certificate_signing_at`);
  }
}
