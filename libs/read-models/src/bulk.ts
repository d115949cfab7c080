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

function sqlType(column: ColumnMetadata): string {
  if (typeof column.type !== 'string') throw new Error(`Column ${column.databaseName} needs an explicit database type for bulk writes`);
  return column.type;
}

/** One array per column: unnest() turns them back into rows, whatever their number. */
function columnArray(column: ColumnMetadata, rows: readonly ObjectLiteral[]): unknown[] {
  const isJson = column.type === 'jsonb' || column.type === 'json';
  return rows.map((row) => {
    const value: unknown = row[column.propertyName];
    if (value === null || value === undefined) return null;
    if (isJson) return JSON.stringify(value);
    return value instanceof Date ? value.toISOString() : value;
  });
}

const quoted = (name: string) => `"${name}"`;

/**
 * The INSERT … SELECT unnest(…) ON CONFLICT of `rows`, one parameter per column however many
 * rows, numbered from `$firstParameter`. Rows must not repeat a key.
 */
export function upsertStatement(connection: DataSource, { entity, rows, onConflict }: Upsert, firstParameter = 1): Statement {
  const metadata = connection.getMetadata(entity);
  const columns = writableColumns(connection, entity);
  const names = columns.map((column) => quoted(column.databaseName));
  const arrays = columns.map((column, index) => `$${firstParameter + index}::${sqlType(column)}[]`);
  const keys = metadata.primaryColumns.map((column) => quoted(column.databaseName));
  const updates = columns.filter((column) => !column.isPrimary).map((column) => `${quoted(column.databaseName)} = EXCLUDED.${quoted(column.databaseName)}`);
  const conflict = onConflict === 'update' && updates.length ? `(${keys.join(', ')}) DO UPDATE SET ${updates.join(', ')}` : 'DO NOTHING';
  return {
    text: `INSERT INTO ${quoted(metadata.tableName)} (${names.join(', ')}) SELECT * FROM unnest(${arrays.join(', ')}) ON CONFLICT ${conflict}`,
    values: columns.map((column) => columnArray(column, rows)),
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
 * Inserts many rows with one statement (one parameter per column, however many rows), either
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
  const names = columns.map((column) => quoted(column.databaseName));
  const arrays = columns.map((column, index) => `$${index + 1}::${sqlType(column)}[]`);
  await manager.query(
    `DELETE FROM ${quoted(metadata.tableName)} WHERE (${names.join(', ')}) IN (SELECT * FROM unnest(${arrays.join(', ')}))`,
    columns.map((column) => columnArray(column, keys)),
  );
}
