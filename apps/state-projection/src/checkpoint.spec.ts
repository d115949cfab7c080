import { describe, expect, it } from 'vitest';
import { appliedAhead, appliedUpTo, coveredBy } from './checkpoint';

describe('the projection checkpoint', () => {
  it('covers what is at or below its sequence, and what it names as applied beyond', () => {
    const covered = coveredBy({ sequence: 10, appliedAbove: [12] });
    expect([9, 10, 11, 12, 13].map(covered)).toEqual([true, true, false, true, false]);
  });

  it('keeps its sequence when events are written ahead, and drops what the next sequence passes', () => {
    const ahead = appliedAhead({ sequence: 10, appliedAbove: [] }, [12, 15]);
    expect(ahead).toEqual({ sequence: 10, appliedAbove: [12, 15] });
    expect(appliedUpTo(ahead, 14)).toEqual({ sequence: 14, appliedAbove: [15] });
    expect(appliedUpTo(ahead, 15)).toEqual({ sequence: 15, appliedAbove: [] });
  });
});
