import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The security profile of each charge point (SPEC §10); 0 for those adopted before profiles existed. */
export class SecurityProfile1765600000000 implements MigrationInterface {
  name = 'SecurityProfile1765600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE charge_points ADD COLUMN security_profile smallint NOT NULL DEFAULT 0`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE charge_points DROP COLUMN security_profile`);
  }
}
