import { describe, expect, it } from 'vitest';
import {
  afterPasswordCheck,
  decideHandshake,
  parseProtocolsHeader,
  tooManyAttempts,
  type HandshakeRegistration,
  type HandshakeTransport,
  type UnknownChargePointPolicy,
} from './handshake';

const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`;

function given(registrations: Record<string, HandshakeRegistration>, unknownChargePoints: UnknownChargePointPolicy = 'pending') {
  const context = { registrationOf: (identity: string) => registrations[identity], unknownChargePoints };
  return {
    when: (url: string, protocolsOffered: string[] = ['ocpp1.6'], authorization?: string, transport: HandshakeTransport = { secure: false }) =>
      decideHandshake({ url, protocolsOffered, authorization, transport }, context),
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
    expect(given({ 'CP-1': { passwordHash: null, securityProfile: 0 } }, 'reject').when('/ocpp/CP-1')).toMatchObject({ outcome: 'accept' });
  });

  describe('with a password set', () => {
    const registrations = { 'CP:1': { passwordHash: 'scrypt$stored', securityProfile: 0 as const } };

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

    it('while a rotation is under way, names its pending password as the last to try', () => {
      const rotating = { 'CP:1': { passwordHash: 'scrypt$old', pendingPasswordHash: 'scrypt$pending', securityProfile: 1 as const } };
      expect(given(rotating).when('/ocpp/CP:1', [], basic('CP:1:secret'))).toMatchObject({
        outcome: 'verifyPassword',
        passwordHash: 'scrypt$old',
        previousPasswordHash: null,
        pendingPasswordHash: 'scrypt$pending',
      });
    });

    it('during a password rotation, names the previous password as the one to try after the new', () => {
      const rotating = { 'CP:1': { passwordHash: 'scrypt$new', previousPasswordHash: 'scrypt$old', securityProfile: 1 as const } };
      expect(given(rotating).when('/ocpp/CP:1', [], basic('CP:1:secret'))).toMatchObject({
        outcome: 'verifyPassword',
        passwordHash: 'scrypt$new',
        previousPasswordHash: 'scrypt$old',
      });
    });

    it('asks to verify the password of an identity that itself contains ":"', () => {
      const decision = given(registrations).when('/ocpp/CP:1', ['ocpp1.6'], basic('CP:1:pa:ss'));
      expect(decision).toMatchObject({ outcome: 'verifyPassword', identity: 'CP:1', password: Buffer.from('pa:ss'), passwordHash: 'scrypt$stored' });
    });

    it('hands the password over as the bytes sent, not decoded as UTF-8 (any 16 to 40 bytes, AuthorizationKey is hex)', () => {
      const password = Buffer.from('ff00c3288081e2282b9f3a0d0a7e7f2aa1', 'hex');
      const header = `Basic ${Buffer.concat([Buffer.from('CP:1:'), password]).toString('base64')}`;
      const decision = given(registrations).when('/ocpp/CP:1', [], header);
      if (decision.outcome !== 'verifyPassword') throw new Error(`expected a password check, got ${decision.outcome}`);
      expect(decision.password.equals(password)).toBe(true);
    });

    it('accepts once the password matched, and refuses with 401 when not', () => {
      const decision = given(registrations).when('/ocpp/CP:1', [], basic('CP:1:secret'));
      if (decision.outcome !== 'verifyPassword') throw new Error(`expected a password check, got ${decision.outcome}`);
      expect(afterPasswordCheck(decision, true)).toEqual({ outcome: 'accept', identity: 'CP:1', protocol: 'ocpp1.6' });
      expect(afterPasswordCheck(decision, false)).toMatchObject({ outcome: 'refuse', status: 401 });
    });
  });

  describe('security profiles (SPEC §10): never less than the profile', () => {
    const tls: HandshakeTransport = { secure: true };
    const certificate = (commonName: string | undefined, verifyError?: string): HandshakeTransport => ({
      secure: true,
      clientCertificate: { commonName, verifyError },
    });
    const profile = (securityProfile: HandshakeRegistration['securityProfile'], passwordHash: string | null = 'scrypt$stored') =>
      given({ 'CP-1': { passwordHash, securityProfile } });

    it.each([0, 1] as const)('lets a profile %i charge point use wss:// as well', (securityProfile) => {
      expect(profile(securityProfile).when('/ocpp/CP-1', [], basic('CP-1:secret'), tls)).toMatchObject({ outcome: 'verifyPassword' });
    });

    it('asks a profile 1 charge point for its password over ws://', () => {
      expect(profile(1).when('/ocpp/CP-1', [], basic('CP-1:secret'))).toMatchObject({ outcome: 'verifyPassword', password: Buffer.from('secret') });
    });

    it('records a wrong password under profiles 1 and 2 (ConnectionRefused), not under 0; the wallbox gets a plain 401', () => {
      const mismatch = (securityProfile: HandshakeRegistration['securityProfile']) => {
        const decision = profile(securityProfile).when('/ocpp/CP-1', [], basic('CP-1:wrong'), tls);
        if (decision.outcome !== 'verifyPassword') throw new Error(`expected a password check, got ${decision.outcome}`);
        return afterPasswordCheck(decision, false);
      };
      for (const securityProfile of [1, 2] as const) expect(mismatch(securityProfile)).toMatchObject({ status: 401, reason: 'authentication required', securityReason: 'wrong password' });
      expect(mismatch(0)).toMatchObject({ status: 401, reason: 'wrong password' });
      expect(mismatch(0)).not.toHaveProperty('securityReason');
    });

    it('refuses a profile 2 charge point over ws:// with a plain 403, the reason kept for the operator', () => {
      expect(profile(2).when('/ocpp/CP-1', [], basic('CP-1:secret'))).toEqual({
        outcome: 'refuse',
        status: 403,
        reason: 'forbidden',
        headers: {},
        securityReason: 'security profile 2 needs wss://, the charge point came over ws://',
      });
    });

    it('refuses a profile 2 charge point over wss:// without credentials with 401, recorded', () => {
      expect(profile(2).when('/ocpp/CP-1', [], undefined, tls)).toMatchObject({
        status: 401,
        reason: 'authentication required',
        securityReason: 'this charge point needs a password (HTTP Basic authentication)',
      });
    });

    it('refuses a profile 1 charge point whose password is not set, whatever it sends', () => {
      expect(profile(1, null).when('/ocpp/CP-1', [], basic('CP-1:secret'))).toMatchObject({ status: 401, securityReason: expect.stringContaining('needs a password') });
    });

    it('accepts a profile 3 charge point whose certificate chains and names it, without Basic auth', () => {
      expect(profile(3).when('/ocpp/CP-1', [], undefined, certificate('CP-1'))).toEqual({ outcome: 'accept', identity: 'CP-1', protocol: 'ocpp1.6' });
    });

    it.each([
      ['over ws://', { secure: false }, 'security profile 3 needs wss://, the charge point came over ws://'],
      ['without a client certificate', tls, 'security profile 3 needs a client certificate, the charge point presented none'],
      ['with an expired certificate', certificate('CP-1', 'CERT_HAS_EXPIRED'), 'the client certificate does not verify against the CA bundle: CERT_HAS_EXPIRED'],
      ['with a certificate of another CA', certificate('CP-1', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'), 'the client certificate does not verify against the CA bundle: UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
      ['with a certificate for another CN', certificate('CP-2'), 'the client certificate is for CN "CP-2", not for the identity'],
      ['with a certificate without CN', certificate(undefined), 'the client certificate is for CN "", not for the identity'],
    ] as [string, HandshakeTransport, string][])('refuses a profile 3 charge point %s with a plain 403', (_case, transport, securityReason) => {
      expect(profile(3).when('/ocpp/CP-1', [], basic('CP-1:secret'), transport)).toEqual({
        outcome: 'refuse',
        status: 403,
        reason: 'forbidden',
        headers: {},
        securityReason,
      });
    });
  });

  it('reads the Sec-WebSocket-Protocol header into its values', () => {
    expect(parseProtocolsHeader(' ocpp2.0.1 ,ocpp1.6,')).toEqual(['ocpp2.0.1', 'ocpp1.6']);
    expect(parseProtocolsHeader(undefined)).toEqual([]);
  });
});
