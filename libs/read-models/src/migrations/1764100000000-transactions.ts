import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Transactions1764100000000 implements MigrationInterface {
  name = 'Transactions1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE transactions (
        transaction_id integer PRIMARY KEY,
        charge_point_identity varchar(48) NOT NULL,
        connector_id integer,
        id_tag varchar(20),
        tag_owner jsonb,
        authorization_status varchar(16),
        meter_start integer,
        meter_end integer,
        consumption integer NOT NULL DEFAULT 0,
        started_at timestamptz,
        stopped_at timestamptz,
        stop_reason text,
        transaction_data jsonb,
        known boolean NOT NULL DEFAULT true
      )`);
    await runner.query(`CREATE INDEX transactions_charge_point ON transactions (charge_point_identity, transaction_id DESC)`);
    await runner.query(`CREATE INDEX transactions_active ON transactions (transaction_id DESC) WHERE stopped_at IS NULL`);
    await runner.query(`CREATE INDEX transactions_newest ON transactions (started_at DESC NULLS LAST, transaction_id DESC)`);
    await runner.query(`
      CREATE TABLE meter_values (
        id bigserial PRIMARY KEY,
        charge_point_identity varchar(48) NOT NULL,
        connector_id integer NOT NULL,
        transaction_id integer,
        timestamp timestamptz NOT NULL,
        received_at timestamptz NOT NULL,
        timestamp_plausible boolean NOT NULL,
        ordered_at timestamptz NOT NULL,
        measurand text NOT NULL,
        value double precision,
        unit text,
        phase text,
        context text,
        location text,
        format text,
        -- The same sample sent again is stored once. Leading with (charge point, connector,
        -- ordered_at), its index also serves time-range queries.
        CONSTRAINT meter_values_sample UNIQUE NULLS NOT DISTINCT
          (charge_point_identity, connector_id, ordered_at, measurand, phase, location, context)
      )`);
    await runner.query(`CREATE INDEX meter_values_transaction ON meter_values (transaction_id)`);
    const tagColumns = `
        first_name text NOT NULL,
        last_name text NOT NULL,
        email text NOT NULL,
        info text NOT NULL,
        expires_at timestamptz,
        blocked boolean NOT NULL DEFAULT false,
        parent_id_tag varchar(20)`;
    await runner.query(`CREATE TABLE tags (id_tag varchar(20) PRIMARY KEY, ${tagColumns})`);
    await runner.query(`
      CREATE TABLE local_tags (
        charge_point_identity varchar(48) NOT NULL,
        id_tag varchar(20) NOT NULL, ${tagColumns},
        PRIMARY KEY (charge_point_identity, id_tag)
      )`);
    await runner.query(`
      CREATE TABLE billing_outbox (
        transaction_id integer PRIMARY KEY,
        body jsonb NOT NULL,
        published boolean NOT NULL DEFAULT false
      )`);
    await runner.query(`CREATE INDEX billing_outbox_unpublished ON billing_outbox (transaction_id) WHERE NOT published`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['billing_outbox', 'local_tags', 'tags', 'meter_values', 'transactions']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
