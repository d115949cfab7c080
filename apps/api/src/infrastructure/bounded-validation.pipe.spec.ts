import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from './bounded-validation.pipe';

const nested = (levels: number): unknown => JSON.parse(`${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`);

describe('nestsDeeperThan', () => {
  it('counts objects and arrays, not scalars', () => {
    expect(nestsDeeperThan({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(nestsDeeperThan({ a: [{ b: [] }] }, 3)).toBe(true);
    expect(nestsDeeperThan('text', 0)).toBe(false);
    expect(nestsDeeperThan(null, 0)).toBe(false);
  });

  it('finds the deep branch among shallow ones', () => {
    expect(nestsDeeperThan({ wide: Array.from({ length: 1000 }, () => ({})), deep: nested(20) }, 16)).toBe(true);
  });

  it('walks a million levels without exhausting the stack', () => {
    expect(nestsDeeperThan(nested(1_000_000), 16)).toBe(true);
  });
});
