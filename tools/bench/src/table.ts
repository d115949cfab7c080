import type { Figure } from './figures';

const HEADER = ['scenario', 'figure', 'Voltstream', 'baseline', 'ratio', 'target', 'met?'];

/** A number as a person reads it: thousands separated, small values with a few significant digits. */
export function formatNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const magnitude = Math.abs(value);
  if (magnitude >= 100 || Number.isInteger(value)) return Math.round(value).toLocaleString('en-US');
  if (magnitude >= 10) return value.toFixed(1);
  if (magnitude >= 0.01) return value.toFixed(2);
  return value.toPrecision(2);
}

function withUnit(value: number | null, unit: string): string {
  const text = formatNumber(value);
  return value === null || !unit ? text : `${text} ${unit}`;
}

function metText(met: boolean | null): string {
  if (met === null) return '—';
  return met ? 'yes' : 'NO';
}

function rowOf(figure: Figure): string[] {
  return [
    figure.scenario,
    figure.name,
    withUnit(figure.voltstream, figure.unit),
    withUnit(figure.baseline, figure.unit),
    figure.ratio === null ? '—' : `${figure.ratio.toFixed(2)}×`,
    figure.target,
    metText(figure.met),
  ];
}

/** The final table on the terminal: one row per figure, columns padded to their widest cell. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = [HEADER, ...figures.map(rowOf)];
  const widths = HEADER.map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column])).join(' │ ').trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('─┼─');
  return [line(HEADER), rule, ...rows.slice(1).map(line)].join('\n');
}
