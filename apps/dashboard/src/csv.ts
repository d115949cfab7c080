/** RFC 4180 CSV: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
function field(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  // A leading =, +, - or @ would be a formula to a spreadsheet.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv<T>(columns: ReadonlyArray<readonly [header: string, value: (row: T) => string | number | boolean | null]>, rows: readonly T[]): string {
  const lines = [columns.map(([header]) => field(header)).join(',')];
  for (const row of rows) lines.push(columns.map(([, value]) => field(value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
