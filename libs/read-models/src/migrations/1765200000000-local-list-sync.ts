import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where each charge point's local authorization list stands (Local Auth List Management). */
export class LocalListSync1765200000000 implements MigrationInterface {
  name = 'LocalListSync1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE local_list_sync (
        charge_point_identity varchar(48) PRIMARY KEY,
        wanted_version integer NOT NULL,
        acknowledged_version integer,
        reported_version integer,
        not_supported boolean NOT NULL,
        max_length integer,
        last_status text,
        last_update_type text,
        last_sent_at timestamptz,
        state text NOT NULL,
        held jsonb
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE local_list_sync`);
  }
}
