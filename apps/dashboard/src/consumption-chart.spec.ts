import { describe, expect, it } from 'vitest';
import { consumptionChart, daysOf } from './consumption-chart';

describe('consumption charts', () => {
  it('lists every UTC day of the period, the last one exclusive', () => {
    expect(daysOf('2026-01-30T00:00:00Z', '2026-02-02T00:00:00Z')).toEqual(['2026-01-30', '2026-01-31', '2026-02-01']);
  });

  it('lays the buckets out as one series per key with kWh per day (0 where none), largest total first', () => {
    const chart = consumptionChart(
      [
        { day: '2026-01-15', key: 'CP-A', label: 'CP-A', energyWh: 1500, transactions: 2 },
        { day: '2026-01-15', key: 'CP-B', label: 'CP-B', energyWh: 2000, transactions: 1 },
        { day: '2026-01-16', key: 'CP-A', label: 'CP-A', energyWh: 2500, transactions: 1 },
      ],
      ['2026-01-14', '2026-01-15', '2026-01-16'],
    );
    expect(chart.series).toEqual([
      { key: 'CP-A', label: 'CP-A', perDay: [0, 1.5, 2.5], totalKwh: 4 },
      { key: 'CP-B', label: 'CP-B', perDay: [0, 2, 0], totalKwh: 2 },
    ]);
  });
});
