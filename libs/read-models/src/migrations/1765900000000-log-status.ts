import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Security whitepaper GetLog: the last log upload status of each charge point, with its time. */
export class LogStatus1765900000000 implements MigrationInterface {
  name = 'LogStatus1765900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE charge_points ADD COLUMN log_status varchar(32), ADD COLUMN log_status_at timestamptz`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE charge_points DROP COLUMN log_status, DROP COLUMN log_status_at`);
  }
}
