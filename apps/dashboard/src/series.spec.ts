import { describe, expect, it } from 'vitest';
import type { MeterValue } from './api/types';
import { transactionSeries } from './series';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 15, 8, minute)).toISOString();
const sample = (minute: number, measurand: string, value: number, unit: string | null, phase: string | null = null): MeterValue => ({
  timestamp: at(minute),
  measurand,
  value,
  unit,
  phase,
});

describe('transactionSeries: power and energy over time from meter values', () => {
  it('reads the energy register in kWh, whether sent in Wh, kWh or with no unit (Wh)', () => {
    const series = transactionSeries([
      sample(0, 'Energy.Active.Import.Register', 12000, 'Wh'),
      sample(30, 'Energy.Active.Import.Register', 12.5, 'kWh'),
      sample(60, 'Energy.Active.Import.Register', 13000, null),
    ]);
    expect(series.energy).toEqual([
      [Date.parse(at(0)), 12],
      [Date.parse(at(30)), 12.5],
      [Date.parse(at(60)), 13],
    ]);
  });

  it('derives kW from the energy between readings when the wallbox measures no power', () => {
    const series = transactionSeries([sample(0, 'Energy.Active.Import.Register', 10000, 'Wh'), sample(30, 'Energy.Active.Import.Register', 13700, 'Wh')]);
    expect(series.powerDerived).toBe(true);
    expect(series.power).toHaveLength(1);
    expect(series.power[0][0]).toBe(Date.parse(at(30)));
    expect(series.power[0][1]).toBeCloseTo(7.4, 9);
  });

  it('uses the measured total power, in time order, and leaves out per-phase values and other measurands', () => {
    const series = transactionSeries([
      sample(10, 'Power.Active.Import', 7.2, 'kW'),
      sample(5, 'Power.Active.Import', 7400, 'W'),
      sample(5, 'Power.Active.Import', 2400, 'W', 'L1'),
      sample(5, 'Voltage', 230, 'V'),
    ]);
    expect(series).toEqual({
      energy: [],
      power: [
        [Date.parse(at(5)), 7.4],
        [Date.parse(at(10)), 7.2],
      ],
      powerDerived: false,
    });
  });
});
