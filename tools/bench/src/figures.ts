import { ratio } from './stats';

/** One measured figure of a scenario: Voltstream's value, the baseline's in the same run, and the target. */
export interface Figure {
  scenario: string;
  name: string;
  unit: string;
  voltstream: number | null;
  baseline: number | null;
  /** voltstream ÷ baseline */
  ratio: number | null;
  target: string;
  /** null when there is no target or a value is missing. */
  met: boolean | null;
}

export interface Target {
  text: string;
  met(voltstream: number, baseline: number | null, ratio: number | null): boolean | null;
}

export const noTarget: Target = { text: '—', met: () => null };

export function ratioAtLeast(minimum: number): Target {
  return { text: `ratio ≥ ${minimum}`, met: (_v, _b, r) => (r === null ? null : r >= minimum) };
}

export function ratioAtMost(maximum: number): Target {
  return { text: `ratio ≤ ${maximum}`, met: (_v, _b, r) => (r === null ? null : r <= maximum) };
}

export function atLeast(minimum: number, unit = ''): Target {
  return { text: `≥ ${minimum.toLocaleString('en-US')}${unit}`, met: (value) => value >= minimum };
}

export function atMost(maximum: number, unit = ''): Target {
  return { text: `≤ ${maximum.toLocaleString('en-US')}${unit}`, met: (value) => value <= maximum };
}

/** value ≤ factor × baseline + slack: a latency target that tolerates a fixed cost per hop. */
export function atMostScaledBaseline(factor: number, slack: number, unit: string): Target {
  return {
    text: `≤ ${factor}× baseline + ${slack} ${unit}`,
    met: (value, baseline) => (baseline === null ? null : value <= factor * baseline + slack),
  };
}

export interface FigureInput {
  scenario: string;
  name: string;
  unit: string;
  voltstream: number | null;
  baseline?: number | null;
  /** When it is not voltstream ÷ baseline: e.g. the median of paired runs' ratios. */
  ratio?: number | null;
  target?: Target;
}

export function figure(input: FigureInput): Figure {
  const baseline = input.baseline ?? null;
  const target = input.target ?? noTarget;
  const r = input.ratio === undefined ? ratio(input.voltstream, baseline) : input.ratio;
  return {
    scenario: input.scenario,
    name: input.name,
    unit: input.unit,
    voltstream: input.voltstream,
    baseline,
    ratio: r,
    target: target.text,
    met: input.voltstream === null ? null : target.met(input.voltstream, baseline, r),
  };
}
