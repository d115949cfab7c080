import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The projection may commit a charge point's events ahead of other charge points' telemetry: its
 * checkpoint names the events applied beyond its sequence, and a meter value's id is its place
 * in the event log rather than the order of commits.
 */
export class LogOrderedWrites1764200000000 implements MigrationInterface {
  name = 'LogOrderedWrites1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE projection_checkpoints ADD COLUMN applied_above bigint[] NOT NULL DEFAULT '{}'`);
    await runner.query(`ALTER TABLE meter_values ALTER COLUMN id DROP DEFAULT`);
    await runner.query(`DROP SEQUENCE meter_values_id_seq`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SEQUENCE meter_values_id_seq OWNED BY meter_values.id`);
    await runner.query(`SELECT setval('meter_values_id_seq', COALESCE((SELECT max(id) FROM meter_values), 0) + 1, false)`);
    await runner.query(`ALTER TABLE meter_values ALTER COLUMN id SET DEFAULT nextval('meter_values_id_seq')`);
    await runner.query(`ALTER TABLE projection_checkpoints DROP COLUMN applied_above`);
  }
}
