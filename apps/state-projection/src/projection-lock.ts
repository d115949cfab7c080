import type { PoolClient } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';

/** Key of the Postgres advisory lock that the one active state projection of a database holds. */
const PROJECTION_LOCK = 7_406_118;

/**
 * The right to write the read models: a session-level advisory lock on a connection of its own.
 * Another replica waits for it (a standby), and a rebuild refuses to start while it is held. It
 * is lost with its connection; whoever held it must then stop writing, as another may take it.
 */
export class ProjectionLock {
  private held = true;

  private constructor(private readonly runner: QueryRunner, readonly lost: Promise<void>) {
    void lost.then(() => (this.held = false));
  }

  /** Takes the lock when no other process holds it; undefined when one does. */
  static async tryTake(dataSource: DataSource): Promise<ProjectionLock | undefined> {
    const runner = dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      const lost = new Promise<void>((resolve) => client.once('error', () => resolve()).once('end', () => resolve()));
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [PROJECTION_LOCK])) as { locked: boolean }[];
      if (locked) return new ProjectionLock(runner, lost);
    } catch (error) {
      await runner.release();
      throw error;
    }
    await runner.release();
    return undefined;
  }

  /** Unlocks, unless the connection is gone and the lock with it. */
  async release(): Promise<void> {
    try {
      if (this.held) await this.runner.query('SELECT pg_advisory_unlock($1)', [PROJECTION_LOCK]);
    } finally {
      await this.runner.release();
    }
  }
}
