import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Events that a consumer parked: it could not apply them and moved on (docs/reliability.md). */
export class ParkedEvents1764300000000 implements MigrationInterface {
  name = 'ParkedEvents1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE parked_events (
        id bigserial UNIQUE,
        consumer varchar(64) NOT NULL,
        sequence bigint NOT NULL,
        event_type varchar(64),
        charge_point text,
        error text NOT NULL,
        attempts integer NOT NULL,
        parked_at timestamptz NOT NULL,
        state varchar(16) NOT NULL CHECK (state IN ('parked', 'resolved')),
        retries integer NOT NULL DEFAULT 0,
        retried_at timestamptz,
        retry_error text,
        PRIMARY KEY (consumer, sequence)
      )`);
    await runner.query(`CREATE INDEX parked_events_open ON parked_events (consumer) WHERE state = 'parked'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE parked_events`);
  }
}
