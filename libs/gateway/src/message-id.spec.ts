import { describe, expect, it } from 'vitest';
import { refusalMessageId } from './message-id';

describe('refusalMessageId: a refused handshake recorded once a minute at most', () => {
  const at = Date.parse('2026-12-04T10:00:10Z');

  it('gives the same refusal within a minute the same id', () => {
    expect(refusalMessageId('CP-1', 'security profile 2 needs wss://', at)).toBe(refusalMessageId('CP-1', 'security profile 2 needs wss://', at + 45_000));
  });

  it('tells apart the next minute, another reason and another charge point', () => {
    const id = refusalMessageId('CP-1', 'security profile 2 needs wss://', at);
    expect(refusalMessageId('CP-1', 'security profile 2 needs wss://', at + 60_000)).not.toBe(id);
    expect(refusalMessageId('CP-1', 'wrong CN', at)).not.toBe(id);
    expect(refusalMessageId('CP-2', 'security profile 2 needs wss://', at)).not.toBe(id);
  });
});
