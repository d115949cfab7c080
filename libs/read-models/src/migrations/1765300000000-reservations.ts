import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Reservations1765300000000 implements MigrationInterface {
  name = 'Reservations1765300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE reservations (
        reservation_id integer PRIMARY KEY,
        charge_point_identity varchar(48) NOT NULL,
        connector_id integer NOT NULL,
        id_tag varchar(20) NOT NULL,
        parent_id_tag varchar(20),
        expires_at timestamptz NOT NULL,
        status varchar(16) NOT NULL,
        answer varchar(16),
        reason text,
        transaction_id integer,
        requested_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX reservations_charge_point ON reservations (charge_point_identity, reservation_id DESC)`);
    // The expiry check reads the open reservations by their expiry.
    await runner.query(`CREATE INDEX reservations_open ON reservations (expires_at) WHERE status IN ('requested', 'accepted')`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE reservations`);
  }
}
