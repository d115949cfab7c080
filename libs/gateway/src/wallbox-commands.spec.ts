import { describe, expect, it } from 'vitest';
import { checkWallboxCommand, commandReplyFor } from './wallbox-commands';

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('operator commands', () => {
  it('passes a valid central system call', () => {
    expect(checkWallboxCommand(json({ action: 'Reset', payload: { type: 'Hard' } }))).toEqual({ ok: true, action: 'Reset', payload: { type: 'Hard' } });
  });

  it.each([
    ['not an object', 'Reset'],
    ['an action a wallbox sends', { action: 'Heartbeat', payload: {} }],
    ['an unknown action', { action: 'Explode', payload: {} }],
    ['a payload that breaks the schema', { action: 'Reset', payload: { type: 'Gentle' } }],
    ['no payload', { action: 'Reset' }],
  ])('refuses %s as invalid with a reason', (_case, body) => {
    const check = checkWallboxCommand(json(body));
    expect(check.ok).toBe(false);
    expect(!check.ok && check.reply.reason.length).toBeGreaterThan(0);
  });

  it('refuses a command that is not JSON, or does not fit its contract, naming why', () => {
    expect(checkWallboxCommand(new TextEncoder().encode('{"action":'))).toEqual({
      ok: false,
      reply: { outcome: 'invalid', reason: 'the command does not fit its contract: the message is not JSON' },
    });
    expect(checkWallboxCommand(json({ action: 'Reset', payload: [] }))).toEqual({
      ok: false,
      reply: { outcome: 'invalid', reason: 'the command does not fit its contract: payload must be an object' },
    });
  });

  it('replies with a valid confirmation', () => {
    expect(commandReplyFor('Reset', { kind: 'result', payload: { status: 'Accepted' } })).toEqual({ outcome: 'result', payload: { status: 'Accepted' } });
  });

  it('replies a confirmation that breaks the schema as a call error', () => {
    expect(commandReplyFor('Reset', { kind: 'result', payload: { status: 'Maybe' } })).toMatchObject({
      outcome: 'callError',
      code: 'PropertyConstraintViolation',
    });
  });

  it('passes on call errors, timeouts and offline', () => {
    expect(commandReplyFor('Reset', { kind: 'callError', code: 'NotSupported', description: 'd', details: { a: 1 } })).toEqual({
      outcome: 'callError',
      code: 'NotSupported',
      description: 'd',
      details: { a: 1 },
    });
    expect(commandReplyFor('Reset', { kind: 'timeout' })).toEqual({ outcome: 'timeout' });
    expect(commandReplyFor('Reset', { kind: 'offline' })).toEqual({ outcome: 'offline' });
  });
});
