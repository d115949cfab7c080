import { describe, expect, it } from 'vitest';
import { parseArgs, SCENARIO_NAMES, UsageError } from './cli';

const now = new Date('2025-11-24T08:10:00.000Z');

describe('bench arguments', () => {
  it('runs every scenario, full size, into a timestamped file by default', () => {
    expect(parseArgs([], now)).toEqual({ quick: false, scenarios: [...SCENARIO_NAMES], out: 'bench-results/2025-11-24T08-10-00.000Z.json' });
  });

  it('takes --quick, --only in the documented order, and --out in both spellings', () => {
    expect(parseArgs(['--quick', '--only', 'storm,connections', '--out', 'a.json'], now)).toEqual({
      quick: true,
      scenarios: ['connections', 'storm'],
      out: 'a.json',
    });
    expect(parseArgs(['--only=authorize', '--out=b.json'], now)).toMatchObject({ scenarios: ['authorize'], out: 'b.json' });
  });

  it('refuses unknown scenarios and arguments', () => {
    expect(() => parseArgs(['--only', 'speed'], now)).toThrow(UsageError);
    expect(() => parseArgs(['--fast'], now)).toThrow(/unknown argument --fast/);
    expect(() => parseArgs(['--out'], now)).toThrow(UsageError);
  });
});
