import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  const columns = [
    ['id', (row: { id: number; note: string | null }) => row.id],
    ['note', (row: { id: number; note: string | null }) => row.note],
  ] as const;

  it('writes a header and a CRLF-terminated line per row; null is an empty field', () => {
    expect(toCsv(columns, [{ id: 1, note: 'plain' }, { id: 2, note: null }])).toBe('id,note\r\n1,plain\r\n2,\r\n');
  });

  it('quotes fields with commas, quotes or line breaks and doubles their quotes', () => {
    expect(toCsv(columns, [{ id: 3, note: 'a, "b"\nc' }])).toBe('id,note\r\n3,"a, ""b""\nc"\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(toCsv(columns, [{ id: -4, note: '=HYPERLINK("x")' }])).toBe('id,note\r\n-4,"\'=HYPERLINK(""x"")"\r\n');
  });
});
