import type { MeterValue } from './api/types';

export type Point = [time: number, value: number];

export interface TransactionSeries {
  /** kWh of the energy register over time. */
  energy: Point[];
  /** kW: as the wallbox measured it, else derived from the energy register between samples. */
  power: Point[];
  /** whether power is derived from the energy register rather than measured. */
  powerDerived: boolean;
}

const ENERGY = 'Energy.Active.Import.Register';
const POWER = 'Power.Active.Import';

/** A total value (no phase) of the measurand, scaled to kilo-units; OCPP's default unit is Wh or W. */
function samples(meterValues: readonly MeterValue[], measurand: string): Point[] {
  const points: Point[] = [];
  for (const sample of meterValues) {
    if (sample.measurand !== measurand || sample.phase || sample.value === null) continue;
    const kilo = sample.unit?.startsWith('k') ? sample.value : sample.value / 1000;
    points.push([Date.parse(sample.timestamp), kilo]);
  }
  return points.sort(([a], [b]) => a - b);
}

/** kW between successive energy readings: ΔkWh / Δh, at the later reading. */
function derivedPower(energy: readonly Point[]): Point[] {
  const power: Point[] = [];
  for (let index = 1; index < energy.length; index++) {
    const [[before, startKwh], [after, endKwh]] = [energy[index - 1], energy[index]];
    if (after > before) power.push([after, ((endKwh - startKwh) * 3_600_000) / (after - before)]);
  }
  return power;
}

/** The power and energy curves of a transaction, from its meter values. */
export function transactionSeries(meterValues: readonly MeterValue[]): TransactionSeries {
  const energy = samples(meterValues, ENERGY);
  const measured = samples(meterValues, POWER);
  return measured.length > 0 ? { energy, power: measured, powerDerived: false } : { energy, power: derivedPower(energy), powerDerived: true };
}
