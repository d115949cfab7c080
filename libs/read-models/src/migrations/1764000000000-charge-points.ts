import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChargePoints1764000000000 implements MigrationInterface {
  name = 'ChargePoints1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE charge_points (
        identity varchar(48) PRIMARY KEY,
        state varchar(16) NOT NULL,
        online boolean NOT NULL DEFAULT false,
        connection_id varchar(64),
        last_seen_at timestamptz,
        start_mode varchar(16),
        auto_start_id_tag varchar(20),
        description text,
        password_set boolean NOT NULL DEFAULT false,
        relaxations jsonb NOT NULL DEFAULT '[]'::jsonb,
        vendor varchar(20),
        model varchar(20),
        serial_number varchar(25),
        firmware_version varchar(50),
        registration_status varchar(16),
        last_id_tag varchar(20),
        status varchar(32),
        error_code varchar(32)
      )`);
    await runner.query(`CREATE INDEX charge_points_state ON charge_points (state)`);
    await runner.query(`
      CREATE TABLE connectors (
        charge_point_identity varchar(48) NOT NULL REFERENCES charge_points (identity) ON DELETE CASCADE,
        connector_id integer NOT NULL CHECK (connector_id >= 1),
        meter_value double precision,
        available boolean NOT NULL DEFAULT true,
        status varchar(32) NOT NULL,
        error_code varchar(32) NOT NULL DEFAULT '',
        transaction boolean NOT NULL DEFAULT false,
        transaction_id integer,
        transaction_meter_start integer NOT NULL DEFAULT 0,
        transaction_meter_end integer,
        transaction_id_tag varchar(20),
        transaction_consumption integer NOT NULL DEFAULT 0,
        PRIMARY KEY (charge_point_identity, connector_id)
      )`);
    await runner.query(`
      CREATE TABLE projection_checkpoints (
        projection varchar(64) PRIMARY KEY,
        sequence bigint NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE projection_checkpoints`);
    await runner.query(`DROP TABLE connectors`);
    await runner.query(`DROP TABLE charge_points`);
  }
}
