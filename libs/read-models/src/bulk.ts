import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** What to do with a row whose key exists already. */
export type OnConflict = 'update' | 'ignore';

function writableColumns(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): ColumnMetadata[] {
  const columns = manager.connection.getMetadata(entity).columns.filter((column) => !column.isGenerated);
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
  const metadata = manager.connection.getMetadata(entity);
  const columns = writableColumns(manager, entity);
  const names = columns.map((column) => quoted(column.databaseName));
  const arrays = columns.map((column, index) => `$${index + 1}::${sqlType(column)}[]`);
  const keys = metadata.primaryColumns.map((column) => quoted(column.databaseName));
  const updates = columns.filter((column) => !column.isPrimary).map((column) => `${quoted(column.databaseName)} = EXCLUDED.${quoted(column.databaseName)}`);
  const conflict = onConflict === 'update' && updates.length ? `(${keys.join(', ')}) DO UPDATE SET ${updates.join(', ')}` : 'DO NOTHING';
  await manager.query(
    `INSERT INTO ${quoted(metadata.tableName)} (${names.join(', ')}) SELECT * FROM unnest(${arrays.join(', ')}) ON CONFLICT ${conflict}`,
    columns.map((column) => columnArray(column, rows)),
  );
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
