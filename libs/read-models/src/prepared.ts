import { createHash } from 'node:crypto';
import type { PoolClient, QueryConfig, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';
import type { Statement } from './bulk';

/**
 * A named (prepared) statement: its text decides its name, so a connection parses and plans each
 * text once and afterwards receives only the parameters.
 */
export function prepared({ text, values }: Statement): QueryConfig {
  return { name: `vs_${createHash('sha1').update(text).digest('base64url')}`, text, values };
}

/** Runs `statement` prepared, on a connection of the data source's pool: one round trip, rows as the driver parses them. */
export async function queryPrepared<R extends QueryResultRow>(dataSource: DataSource, statement: Statement): Promise<R[]> {
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    return (await client.query<R>(prepared(statement))).rows;
  } finally {
    await runner.release();
  }
}
