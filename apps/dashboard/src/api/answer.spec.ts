import { describe, expect, it } from 'vitest';
import { answerOf } from './answer';

const refusal = (code: string, message: string) => ({ graphQLErrors: [{ message, extensions: { code } }] });

describe('answerOf: a command’s outcome as shown beside its control', () => {
  it('shows the wallbox’s own status, positive or not', () => {
    expect(answerOf('Accepted', undefined)).toEqual({ kind: 'answered', status: 'Accepted', positive: true });
    expect(answerOf('Rejected', undefined)).toEqual({ kind: 'answered', status: 'Rejected', positive: false });
    expect(answerOf('UnlockFailed', undefined)).toMatchObject({ positive: false });
  });

  it('tells an offline wallbox (CONFLICT) from one that did not answer in time (GATEWAY_TIMEOUT)', () => {
    expect(answerOf(undefined, refusal('CONFLICT', 'charge point CP-1 is offline'))).toEqual({ kind: 'offline', message: 'charge point CP-1 is offline' });
    expect(answerOf(undefined, refusal('GATEWAY_TIMEOUT', 'charge point CP-1 did not answer in time'))).toMatchObject({ kind: 'timeout' });
  });

  it('passes any other refusal on with its message, and names an unreachable API', () => {
    expect(answerOf(undefined, refusal('BAD_USER_INPUT', 'idTag must be 1 to 20 characters'))).toEqual({ kind: 'failed', message: 'idTag must be 1 to 20 characters' });
    expect(answerOf(undefined, { graphQLErrors: [], networkError: new Error('fetch failed') })).toEqual({ kind: 'failed', message: 'the API could not be reached' });
  });
});
