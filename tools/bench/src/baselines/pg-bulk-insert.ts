/**
 * Baseline of the projection's rebuild: the same events written to Postgres the cheapest way,
 * one row each, by multi-row INSERTs of a few thousand rows. Reports the time spent in the
 * INSERTs alone (generating the rows is not the database's work).
 */
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { ensureDatabase } from '@voltstream/read-models';
import { reportFailure, tellParent } from '../ipc';
import { takeEvents } from '../rebuild-events';

const BATCH = 5000;
const TABLE = 'bench_bulk_events';

interface Columns {
  sequence: number[];
  chargePoint: (string | null)[];
  type: string[];
  recordedAt: string[];
  data: string[];
}

function emptyColumns(): Columns {
  return { sequence: [], chargePoint: [], type: [], recordedAt: [], data: [] };
}

async function insert(client: Client, columns: Columns): Promise<number> {
  const startedAt = performance.now();
  await client.query(
    `INSERT INTO ${TABLE} (sequence, charge_point, type, recorded_at, data)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::timestamptz[], $5::jsonb[])`,
    [columns.sequence, columns.chargePoint, columns.type, columns.recordedAt, columns.data],
  );
  return performance.now() - startedAt;
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL ?? '';
  const count = Number(process.env.BENCH_EVENT_COUNT);
  const chargePoints = Number(process.env.BENCH_CHARGE_POINTS);
  await ensureDatabase(databaseUrl);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`DROP TABLE IF EXISTS ${TABLE}`);
  await client.query(
    `CREATE TABLE ${TABLE} (sequence bigint PRIMARY KEY, charge_point text, type text NOT NULL, recorded_at timestamptz NOT NULL, data jsonb NOT NULL)`,
  );
  let insertMs = 0;
  let columns = emptyColumns();
  let sequence = 0;
  for (const event of takeEvents(count, chargePoints, new Date(0))) {
    columns.sequence.push(++sequence);
    columns.chargePoint.push(event.metadata.chargePoint);
    columns.type.push(event.type);
    columns.recordedAt.push(event.metadata.recordedAt);
    columns.data.push(JSON.stringify(event));
    if (columns.sequence.length < BATCH) continue;
    insertMs += await insert(client, columns);
    columns = emptyColumns();
  }
  if (columns.sequence.length > 0) insertMs += await insert(client, columns);
  const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM ${TABLE}`);
  await client.end();
  tellParent({ kind: 'inserted', rows: Number(rows[0].count), insertMs });
}

main().catch(reportFailure);
