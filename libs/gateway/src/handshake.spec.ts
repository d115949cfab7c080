import { describe, expect, it } from 'vitest';
import {
  afterPasswordCheck,
  decideHandshake,
  parseProtocolsHeader,
  tooManyAttempts,
  type HandshakeRegistration,
  type UnknownChargePointPolicy,
} from './handshake';

const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`;

function given(registrations: Record<string, HandshakeRegistration>, unknownChargePoints: UnknownChargePointPolicy = 'pending') {
  const context = { registrationOf: (identity: string) => registrations[identity], unknownChargePoints };
  return {
    when: (url: string, protocolsOffered: string[] = ['ocpp1.6'], authorization?: string) =>
      decideHandshake({ url, protocolsOffered, authorization }, context),
  };
}

describe('handshake ladder', () => {
  it('accepts a discovered identity offering ocpp1.6', () => {
    expect(given({}).when('/ocpp/CP-1')).toEqual({ outcome: 'accept', identity: 'CP-1', protocol: 'ocpp1.6' });
  });

  it('accepts a handshake that offers no subprotocol as ocpp1.6', () => {
    expect(given({}).when('/ocpp/CP-1', [])).toMatchObject({ outcome: 'accept', protocol: 'ocpp1.6' });
  });

  it('takes the identity from the last path segment, URL-decoded, without the query', () => {
    expect(given({}).when('/ocpp/site-7/Box%3A1.a*_b?token=x')).toMatchObject({ outcome: 'accept', identity: 'Box:1.a*_b' });
  });

  it('refuses a path outside /ocpp/ with 404', () => {
    expect(given({}).when('/socket/CP-1')).toMatchObject({ outcome: 'refuse', status: 404 });
  });

  it.each([
    ['an empty identity', '/ocpp/'],
    ['a space', '/ocpp/CP%201'],
    ['a slash once decoded', '/ocpp/CP%2F1'],
    ['49 characters', `/ocpp/${'A'.repeat(49)}`],
    ['broken URL encoding', '/ocpp/CP%E0%A4%A'],
    ['non-ASCII letters', '/ocpp/Zähler'],
    ['the identity "." (a URL cannot address it)', '/ocpp/.'],
    ['the identity ".." (a URL cannot address it)', '/ocpp/..'],
    ['the identity ".." URL-encoded', '/ocpp/%2E%2E'],
  ])('refuses %s with 400', (_case, url) => {
    expect(given({}).when(url)).toMatchObject({ outcome: 'refuse', status: 400 });
  });

  it('accepts identities made of dots and something else', () => {
    expect(given({}).when('/ocpp/...')).toMatchObject({ outcome: 'accept', identity: '...' });
    expect(given({}).when('/ocpp/.CP')).toMatchObject({ outcome: 'accept', identity: '.CP' });
  });

  it('answers too many password attempts 429 with Retry-After in whole seconds', () => {
    expect(tooManyAttempts(1_200)).toMatchObject({ outcome: 'refuse', status: 429, headers: { 'Retry-After': '2' } });
    expect(tooManyAttempts(0)).toMatchObject({ headers: { 'Retry-After': '1' } });
  });

  it('accepts 48 characters', () => {
    expect(given({}).when(`/ocpp/${'A'.repeat(48)}`)).toMatchObject({ outcome: 'accept' });
  });

  it('refuses a handshake offering only other subprotocols with 400 naming them', () => {
    const decision = given({}).when('/ocpp/CP-1', ['ocpp2.0.1', 'ocpp1.5']);
    expect(decision).toMatchObject({ outcome: 'refuse', status: 400 });
    expect(decision.outcome === 'refuse' && decision.reason).toContain('ocpp2.0.1, ocpp1.5');
  });

  it('picks ocpp1.6 among several offered subprotocols', () => {
    expect(given({}).when('/ocpp/CP-1', ['ocpp2.0.1', 'ocpp1.6'])).toMatchObject({ outcome: 'accept', protocol: 'ocpp1.6' });
  });

  it('refuses an identity that is not adopted with 403 when unknown charge points are rejected', () => {
    expect(given({}, 'reject').when('/ocpp/CP-1')).toMatchObject({ outcome: 'refuse', status: 403 });
  });

  it('accepts an adopted identity without password when unknown charge points are rejected', () => {
    expect(given({ 'CP-1': { passwordHash: null } }, 'reject').when('/ocpp/CP-1')).toMatchObject({ outcome: 'accept' });
  });

  describe('with a password set', () => {
    const registrations = { 'CP:1': { passwordHash: 'scrypt$stored' } };

    it('refuses a handshake without credentials with 401 and a Basic challenge', () => {
      expect(given(registrations).when('/ocpp/CP:1')).toMatchObject({
        outcome: 'refuse',
        status: 401,
        headers: { 'WWW-Authenticate': 'Basic realm="Voltstream"' },
      });
    });

    it.each([
      ['another scheme', 'Bearer abc'],
      ['credentials of another identity', basic('CP:2:secret')],
      ['no separator', basic('CP:1')],
    ])('refuses %s with 401', (_case, authorization) => {
      expect(given(registrations).when('/ocpp/CP:1', ['ocpp1.6'], authorization)).toMatchObject({ outcome: 'refuse', status: 401 });
    });

    it('asks to verify the password of an identity that itself contains ":"', () => {
      const decision = given(registrations).when('/ocpp/CP:1', ['ocpp1.6'], basic('CP:1:pa:ss'));
      expect(decision).toMatchObject({ outcome: 'verifyPassword', identity: 'CP:1', password: 'pa:ss', passwordHash: 'scrypt$stored' });
    });

    it('accepts once the password matched, and refuses with 401 when not', () => {
      const decision = given(registrations).when('/ocpp/CP:1', [], basic('CP:1:secret'));
      if (decision.outcome !== 'verifyPassword') throw new Error(`expected a password check, got ${decision.outcome}`);
      expect(afterPasswordCheck(decision, true)).toEqual({ outcome: 'accept', identity: 'CP:1', protocol: 'ocpp1.6' });
      expect(afterPasswordCheck(decision, false)).toMatchObject({ outcome: 'refuse', status: 401 });
    });
  });

  it('reads the Sec-WebSocket-Protocol header into its values', () => {
    expect(parseProtocolsHeader(' ocpp2.0.1 ,ocpp1.6,')).toEqual(['ocpp2.0.1', 'ocpp1.6']);
    expect(parseProtocolsHeader(undefined)).toEqual([]);
  });
});
