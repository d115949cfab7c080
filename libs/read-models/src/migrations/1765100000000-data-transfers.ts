import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Core, the rest of it: the DataTransfers wallboxes send, and the vendor ids a charge point accepts. */
export class DataTransfers1765100000000 implements MigrationInterface {
  name = 'DataTransfers1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE data_transfers (
        id bigint PRIMARY KEY,
        charge_point_identity varchar(48) NOT NULL,
        vendor_id text NOT NULL,
        message_id text,
        data text,
        status varchar(20) NOT NULL,
        received_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX data_transfers_charge_point ON data_transfers (charge_point_identity, id)`);
    await runner.query(`ALTER TABLE charge_points ADD COLUMN accepted_data_transfer_vendors jsonb NOT NULL DEFAULT '[]'::jsonb`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE charge_points DROP COLUMN accepted_data_transfer_vendors`);
    await runner.query(`DROP TABLE data_transfers`);
  }
}
