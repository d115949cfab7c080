import type { ConsumptionBucket } from './api/types';

export interface ConsumptionSeries {
  key: string;
  label: string;
  /** kWh per day, in the order of days. */
  perDay: number[];
  totalKwh: number;
}

export interface ConsumptionChart {
  /** Every day of the period (YYYY-MM-DD, UTC), with or without energy. */
  days: string[];
  /** By total, largest first. */
  series: ConsumptionSeries[];
}

const DAY_MS = 24 * 3600_000;

/** The UTC days from `from` up to, not including, `to`. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  const end = Date.parse(to);
  for (let day = Math.floor(Date.parse(from) / DAY_MS) * DAY_MS; day < end; day += DAY_MS) days.push(new Date(day).toISOString().slice(0, 10));
  return days;
}

/** The API's buckets (summed in Postgres) laid out for a stacked chart: one series per charge point or tag. */
export function consumptionChart(buckets: readonly ConsumptionBucket[], days: readonly string[]): ConsumptionChart {
  const dayIndex = new Map(days.map((day, index) => [day, index]));
  const series = new Map<string, ConsumptionSeries>();
  for (const { day, key, label, energyWh } of buckets) {
    const entry = series.get(key) ?? { key, label, perDay: days.map(() => 0), totalKwh: 0 };
    const index = dayIndex.get(day);
    if (index !== undefined) entry.perDay[index] += energyWh / 1000;
    entry.totalKwh += energyWh / 1000;
    series.set(key, entry);
  }
  return { days: [...days], series: [...series.values()].sort((a, b) => b.totalKwh - a.totalKwh) };
}
