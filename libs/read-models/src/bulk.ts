import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** What to do with a row whose key exists already. */
export type OnConflict = 'update' | 'ignore';

/** SQL text with its positional parameters. */
export interface Statement {
  text: string;
  values: unknown[];
}

/** Rows to insert into one table, and what to do where a key exists already. */
export interface Upsert<T extends ObjectLiteral = ObjectLiteral> {
  entity: EntityTarget<T>;
  rows: readonly T[];
  onConflict: OnConflict;
}

function writableColumns(connection: DataSource, entity: EntityTarget<ObjectLiteral>): ColumnMetadata[] {
  const columns = connection.getMetadata(entity).columns.filter((column) => !column.isGenerated);
  return columns.filter((column, index) => columns.findIndex((other) => other.databaseName === column.databaseName) === index);
}

/**
 * A row as JSON with the table's column names: json_populate_recordset() turns them back into rows.
 * Dates become their JSON text here: a Date left to JSON.stringify sends the whole array down V8's
 * slow path (eight times slower for meter values, which carry three).
 */
function jsonRow(columns: readonly ColumnMetadata[], row: ObjectLiteral): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const column of columns) {
    const value: unknown = row[column.propertyName] ?? null;
    json[column.databaseName] = value instanceof Date ? value.toJSON() : value;
  }
  return json;
}

const quoted = (name: string) => `"${name}"`;

/**
 * The INSERT … SELECT … FROM json_populate_recordset(…) ON CONFLICT of `rows`: one parameter, the
 * rows as one JSON text, however many rows — JSON.stringify is native, where a parameter per
 * column would have the driver escape every value of every array. Numbered `$parameter`. Rows must
 * not repeat a key.
 */
export function upsertStatement(connection: DataSource, { entity, rows, onConflict }: Upsert, parameter = 1): Statement {
  const metadata = connection.getMetadata(entity);
  const columns = writableColumns(connection, entity);
  const names = columns.map((column) => quoted(column.databaseName));
  const keys = metadata.primaryColumns.map((column) => quoted(column.databaseName));
  const updates = columns.filter((column) => !column.isPrimary).map((column) => `${quoted(column.databaseName)} = EXCLUDED.${quoted(column.databaseName)}`);
  const conflict = onConflict === 'update' && updates.length ? `(${keys.join(', ')}) DO UPDATE SET ${updates.join(', ')}` : 'DO NOTHING';
  const table = quoted(metadata.tableName);
  return {
    text: `INSERT INTO ${table} (${names.join(', ')}) SELECT ${names.join(', ')} FROM json_populate_recordset(NULL::${table}, $${parameter}::json) ON CONFLICT ${conflict}`,
    values: [JSON.stringify(rows.map((row) => jsonRow(columns, row)))],
  };
}

/**
 * Several upserts as one statement (each but the last in a data-modifying WITH): atomic without
 * BEGIN and COMMIT, and one round trip to the database. Every upsert must go to a table of its
 * own, as the parts of one statement cannot see each other's rows; foreign keys are checked at its
 * end, so a row may refer to one inserted by another part. Upserts without rows are left out; at
 * least one must have rows.
 */
export function combinedUpserts(connection: DataSource, upserts: readonly Upsert[]): Statement {
  const parts: Statement[] = [];
  for (const upsert of upserts.filter(({ rows }) => rows.length > 0)) {
    parts.push(upsertStatement(connection, upsert, parts.reduce((count, part) => count + part.values.length, 1)));
  }
  const last = parts.pop();
  if (!last) throw new Error('combinedUpserts needs at least one row to write');
  const withParts = parts.map((part, index) => `w${index} AS (${part.text})`);
  return {
    text: withParts.length ? `WITH ${withParts.join(', ')} ${last.text}` : last.text,
    values: [...parts.flatMap((part) => part.values), ...last.values],
  };
}

/**
 * Inserts many rows with one statement (one parameter however many rows), either
 * updating or keeping the rows whose key exists already. Rows must not repeat a key.
 */
export async function upsertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly T[],
  onConflict: OnConflict,
): Promise<void> {
  if (rows.length === 0) return;
  const { text, values } = upsertStatement(manager.connection, { entity, rows, onConflict });
  await manager.query(text, values);
}

/** Deletes the rows with these primary keys in one statement. */
export async function deleteRows<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, keys: readonly Partial<T>[]): Promise<void> {
  if (keys.length === 0) return;
  const metadata = manager.connection.getMetadata(entity);
  const columns = metadata.primaryColumns;
  const names = columns.map((column) => quoted(column.databaseName)).join(', ');
  const table = quoted(metadata.tableName);
  await manager.query(`DELETE FROM ${table} WHERE (${names}) IN (SELECT ${names} FROM json_populate_recordset(NULL::${table}, $1::json))`, [
    JSON.stringify(keys.map((key) => jsonRow(columns, key))),
  ]);
}
