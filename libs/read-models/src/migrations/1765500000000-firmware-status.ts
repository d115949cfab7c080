import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Firmware Management: the last firmware and diagnostics status of each charge point, with their time. */
export class FirmwareStatus1765500000000 implements MigrationInterface {
  name = 'FirmwareStatus1765500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE charge_points
        ADD COLUMN firmware_status varchar(32),
        ADD COLUMN firmware_status_at timestamptz,
        ADD COLUMN diagnostics_status varchar(32),
        ADD COLUMN diagnostics_status_at timestamptz`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE charge_points
        DROP COLUMN firmware_status,
        DROP COLUMN firmware_status_at,
        DROP COLUMN diagnostics_status,
        DROP COLUMN diagnostics_status_at`);
  }
}
