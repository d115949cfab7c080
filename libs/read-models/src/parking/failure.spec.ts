import { describe, expect, it } from 'vitest';
import { createEvent, InvalidEventError } from '@voltstream/contracts';
import { UnprojectableEventError } from '@voltstream/domain';
import { decideOnFailure, failureKind, MAX_ATTEMPTS } from './failure';

/** An error as the pg driver raises it: SQLSTATE in `code`; TypeORM wraps it as `driverError`. */
const pgError = (code: string) => Object.assign(new Error(`SQLSTATE ${code}`), { code });

describe('failureKind', () => {
  it('blames the event for data exceptions and broken constraints (SQLSTATE classes 22 and 23)', () => {
    expect(failureKind(pgError('22003'))).toBe('refused');
    expect(failureKind(pgError('23514'))).toBe('refused');
    expect(failureKind(Object.assign(new Error('query failed'), { driverError: pgError('22001') }))).toBe('refused');
  });

  it('blames the event when the consumer code throws on its data', () => {
    expect(failureKind(new RangeError('Invalid time value'))).toBe('refused');
    expect(failureKind(new TypeError('Cannot read properties of undefined'))).toBe('refused');
  });

  it('finds an undecodable or unprojectable event invalid', () => {
    expect(failureKind(new InvalidEventError('no type'))).toBe('invalid');
    expect(failureKind(new UnprojectableEventError(createEvent('HeartbeatReceived', {}, null, new Date(0)), 'it names no charge point'))).toBe('invalid');
  });

  it('takes everything else for an outage: a lost connection, a missing table, a NATS timeout', () => {
    expect(failureKind(new Error('Connection terminated unexpectedly'))).toBe('outage');
    expect(failureKind(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe('outage');
    expect(failureKind(pgError('57P01'))).toBe('outage');
    expect(failureKind(pgError('42P01'))).toBe('outage');
    expect(failureKind('a string')).toBe('outage');
  });
});

describe('decideOnFailure', () => {
  it('retries an outage for ever, whatever the batch', () => {
    expect(decideOnFailure({ kind: 'outage', events: 1, attempts: 1000 })).toBe('retry');
    expect(decideOnFailure({ kind: 'outage', events: 500, attempts: 1, parkedBefore: true })).toBe('retry');
  });

  it('isolates the event to blame when a batch of several fails for its data', () => {
    expect(decideOnFailure({ kind: 'refused', events: 2, attempts: 1 })).toBe('isolate');
    expect(decideOnFailure({ kind: 'invalid', events: 40, attempts: 1 })).toBe('isolate');
  });

  it('retries a refused event until its last try, then parks it', () => {
    expect(decideOnFailure({ kind: 'refused', events: 1, attempts: MAX_ATTEMPTS - 1 })).toBe('retry');
    expect(decideOnFailure({ kind: 'refused', events: 1, attempts: MAX_ATTEMPTS })).toBe('park');
    expect(decideOnFailure({ kind: 'refused', events: 1, attempts: 1 }, 1)).toBe('park');
  });

  it('parks an invalid event, or one parked before, at once', () => {
    expect(decideOnFailure({ kind: 'invalid', events: 1, attempts: 1 })).toBe('park');
    expect(decideOnFailure({ kind: 'refused', events: 1, attempts: 1, parkedBefore: true })).toBe('park');
  });
});
