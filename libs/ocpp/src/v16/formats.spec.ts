import { describe, expect, it } from 'vitest';
import { codePointLength, isDateTime, isUri, toDate, truncateCodePoints } from './formats';

describe('formats', () => {
  it('counts code points, as JSON Schema maxLength does', () => {
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength('😀😀')).toBe(2);
    expect(codePointLength('a\ud800b')).toBe(3);
    expect(truncateCodePoints('😀😀😀', 2)).toBe('😀😀');
    expect(truncateCodePoints('ab', 5)).toBe('ab');
  });

  it('reads RFC 3339 date-times', () => {
    expect(isDateTime('2024-02-29T12:00:00Z')).toBe(true);
    expect(isDateTime('2023-02-29T12:00:00Z')).toBe(false);
    expect(isDateTime('2016-12-31T23:59:60Z')).toBe(true);
    expect(isDateTime('2017-01-01T00:59:60+01:00')).toBe(true);
    expect(isDateTime('2016-12-31T22:59:60Z')).toBe(false);
  });

  it('turns a date-time into a Date, leap seconds included', () => {
    expect(toDate('2024-05-01T10:00:00+0200').toISOString()).toBe('2024-05-01T08:00:00.000Z');
    expect(toDate('2016-12-31T23:59:60Z').toISOString()).toBe('2017-01-01T00:00:00.000Z');
    expect(toDate('2017-01-01T00:59:60.5+01:00').toISOString()).toBe('2017-01-01T00:00:00.000Z');
  });

  it('reads absolute URIs', () => {
    expect(isUri('ftp://user:pw@host:21/a/b?c=d#e')).toBe(true);
    expect(isUri('mailto:ops@example.com')).toBe(true);
    expect(isUri('/relative/path')).toBe(false);
    expect(isUri('http://host/a b')).toBe(false);
  });
});
