import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Security whitepaper: the certificates each wallbox reported it holds. */
export class InstalledCertificates1765800000000 implements MigrationInterface {
  name = 'InstalledCertificates1765800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE installed_certificates (
        charge_point_identity varchar(48) NOT NULL,
        hash_algorithm varchar(6) NOT NULL,
        issuer_name_hash varchar(128) NOT NULL,
        issuer_key_hash varchar(128) NOT NULL,
        serial_number varchar(40) NOT NULL,
        certificate_type varchar(32) NOT NULL,
        reported_at timestamptz NOT NULL,
        PRIMARY KEY (charge_point_identity, hash_algorithm, issuer_name_hash, issuer_key_hash, serial_number)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE installed_certificates`);
  }
}
