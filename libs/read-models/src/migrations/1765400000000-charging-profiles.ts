import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The charging profiles each wallbox accepted (Smart Charging, SPEC §9). */
export class ChargingProfiles1765400000000 implements MigrationInterface {
  name = 'ChargingProfiles1765400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE charging_profiles (
        charge_point_identity varchar(48) NOT NULL,
        charging_profile_id integer NOT NULL,
        connector_id integer NOT NULL,
        stack_level integer NOT NULL,
        purpose varchar(32) NOT NULL,
        transaction_id integer,
        remote_start_id_tag varchar,
        profile jsonb NOT NULL,
        installed_at timestamptz NOT NULL,
        PRIMARY KEY (charge_point_identity, charging_profile_id)
      )`);
    await runner.query(`CREATE INDEX charging_profiles_by_transaction ON charging_profiles (charge_point_identity, transaction_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE charging_profiles`);
  }
}
