import { beforeEach, describe, expect, it } from 'vitest';
import { BatchPacing } from './batch-pacing';

describe('BatchPacing', () => {
  let clock: number;
  beforeEach(() => (clock = 1000));
  const pacing = () => new BatchPacing(20, () => clock);

  it('lets the first batch start at once', () => {
    expect(pacing().pause()).toBe(0);
  });

  it('holds the next batch back until the interval since the last start has passed', () => {
    const paced = pacing();
    paced.started();
    clock += 5;
    expect(paced.pause()).toBe(15);
    clock += 15;
    expect(paced.pause()).toBe(0);
  });

  it('does not hold back a batch after a commit that took longer than the interval', () => {
    const paced = pacing();
    paced.started();
    clock += 120;
    expect(paced.pause()).toBe(0);
  });
});
