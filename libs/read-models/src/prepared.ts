import { createHash } from 'node:crypto';
import type { PoolClient, QueryConfig, QueryResultRow } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import type { Statement } from './bulk';

/**
 * A named (prepared) statement: its text decides its name, so a connection parses and plans each
 * text once and afterwards receives only the parameters.
 */
export function prepared({ text, values }: Statement): QueryConfig {
  return { name: `vs_${createHash('sha1').update(text).digest('base64url')}`, text, values };
}

/** One connection of the data source's pool, both as TypeORM's query runner and as the pg client beneath it. */
export async function withConnection<T>(dataSource: DataSource, work: (runner: QueryRunner, client: PoolClient) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  try {
    return await work(runner, (await runner.connect()) as PoolClient);
  } finally {
    await runner.release();
  }
}

/** Runs `statement` prepared: one round trip, rows as the driver parses them. */
export function queryPrepared<R extends QueryResultRow>(dataSource: DataSource, statement: Statement): Promise<R[]> {
  return withConnection(dataSource, async (_runner, client) => (await client.query<R>(prepared(statement))).rows);
}
