import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Security whitepaper: the SecurityEventNotifications wallboxes send. */
export class SecurityEvents1765700000000 implements MigrationInterface {
  name = 'SecurityEvents1765700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE security_events (
        id bigint PRIMARY KEY,
        charge_point_identity varchar(48) NOT NULL,
        type varchar(50) NOT NULL,
        occurred_at timestamptz NOT NULL,
        tech_info text,
        received_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX security_events_charge_point ON security_events (charge_point_identity, id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE security_events`);
  }
}
