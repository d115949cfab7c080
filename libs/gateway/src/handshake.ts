/**
 * The WebSocket handshake of a charge point (SPEC §3) as one ladder of guard clauses. Pure: the
 * caller hands in what the HTTP request said and what the registry knows; checking a password
 * costs scrypt, so the ladder only says which password to verify and the caller does it async.
 * A charge point never connects with less than its security profile (SPEC §10): the transport
 * (`ws://` or `wss://`, the client certificate as TLS verified it) is one more input.
 */
import type { SecurityProfile } from '@voltstream/contracts';

export const OCPP_SUBPROTOCOL = 'ocpp1.6';
export const ENDPOINT_PREFIX = '/ocpp/';
export const BASIC_REALM = 'Voltstream';

const IDENTITY_PATTERN = /^[A-Za-z0-9\-_.:*]{1,48}$/;
/** Path segments a URL resolves away (RFC 3986 §5.2.4): no URL could address these identities. */
const DOT_SEGMENTS: ReadonlySet<string> = new Set(['.', '..']);

export interface HandshakeRequest {
  /** The request target, e.g. `/ocpp/CP%2D1?x=y`. */
  url: string;
  /** The values of `Sec-WebSocket-Protocol`, in the order offered; empty when none. */
  protocolsOffered: readonly string[];
  /** The `Authorization` header, when sent. */
  authorization: string | undefined;
  transport: HandshakeTransport;
}

/** How the wallbox came: `wss://` or not, and the client certificate TLS checked against the CA bundle. */
export interface HandshakeTransport {
  secure: boolean;
  /** Absent when the wallbox presented none (always over `ws://`). */
  clientCertificate?: ClientCertificate;
}

export interface ClientCertificate {
  /** The subject CN; undefined when the subject has none (or more than one). */
  commonName: string | undefined;
  /** Why TLS could not verify it against the CA bundle (e.g. CERT_HAS_EXPIRED); undefined when it chains. */
  verifyError: string | undefined;
}

/** What the registry knows about the identity; undefined while it is only discovered. */
export interface HandshakeRegistration {
  passwordHash: string | null;
  /** Also opens the handshake while a password rotation waits for the wallbox to use the new one. */
  previousPasswordHash?: string | null;
  /** Also opens it while a rotation is under way: the wallbox may reconnect with it before PasswordChanged arrives. */
  pendingPasswordHash?: string | null;
  securityProfile: SecurityProfile;
}

/** `UNKNOWN_CHARGE_POINTS` (SPEC §3): only `reject` matters at the handshake. */
export type UnknownChargePointPolicy = 'pending' | 'accept' | 'reject';

export interface HandshakeContext {
  registrationOf(identity: string): HandshakeRegistration | undefined;
  unknownChargePoints: UnknownChargePointPolicy;
}

export interface HandshakeAccepted {
  outcome: 'accept';
  identity: string;
  protocol: typeof OCPP_SUBPROTOCOL;
}

export interface HandshakeRefused {
  outcome: 'refuse';
  status: 400 | 401 | 403 | 404 | 429 | 503;
  reason: string;
  headers: Record<string, string>;
  /** Why the charge point's security profile refused it: logged and recorded (ConnectionRefused), never sent. */
  securityReason?: string;
}

/** Accept once `password` matches `passwordHash`, else refuse with `onMismatch`. */
export interface HandshakeNeedsPassword {
  outcome: 'verifyPassword';
  identity: string;
  protocol: typeof OCPP_SUBPROTOCOL;
  /** The bytes the wallbox sent: a password is any 16 to 40 bytes, not necessarily UTF-8 (AuthorizationKey is hex). */
  password: Buffer;
  passwordHash: string;
  /** Tried when `passwordHash` does not match: the password before a rotation. */
  previousPasswordHash: string | null;
  /** Tried last: the password of a rotation under way. */
  pendingPasswordHash: string | null;
  onMismatch: HandshakeRefused;
}

export type HandshakeDecision = HandshakeAccepted | HandshakeRefused | HandshakeNeedsPassword;

function refuse(status: HandshakeRefused['status'], reason: string, headers: Record<string, string> = {}): HandshakeRefused {
  return { outcome: 'refuse', status, reason, headers };
}

function unauthorized(reason: string): HandshakeRefused {
  return refuse(401, reason, { 'WWW-Authenticate': `Basic realm="${BASIC_REALM}"` });
}

/** A refusal by the security profile: the wallbox gets a plain 401 or 403, the operator the reason. */
function insecure(status: 401 | 403, securityReason: string): HandshakeRefused {
  const refusal = status === 401 ? unauthorized('authentication required') : refuse(403, 'forbidden');
  return { ...refusal, securityReason };
}

/** Profiles 2 and 3 need TLS; 3 a client certificate that chains to the CA bundle, for this identity. */
function profileRefusal(profile: SecurityProfile, identity: string, transport: HandshakeTransport): HandshakeRefused | undefined {
  if (profile >= 2 && !transport.secure) return insecure(403, `security profile ${profile} needs wss://, the charge point came over ws://`);
  if (profile < 3) return undefined;
  const certificate = transport.clientCertificate;
  if (!certificate) return insecure(403, 'security profile 3 needs a client certificate, the charge point presented none');
  if (certificate.verifyError) return insecure(403, `the client certificate does not verify against the CA bundle: ${certificate.verifyError}`);
  if (certificate.commonName !== identity) {
    return insecure(403, `the client certificate is for CN ${JSON.stringify(certificate.commonName ?? '')}, not for the identity`);
  }
  return undefined;
}

/** Splits a `Sec-WebSocket-Protocol` header (`a, b`) into its values. */
export function parseProtocolsHeader(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((protocol) => protocol.trim())
    .filter((protocol) => protocol.length > 0);
}

type IdentityResult = { ok: true; identity: string } | { ok: false; refusal: HandshakeRefused };

/** The identity is the last path segment after `/ocpp/`, URL-decoded (SPEC §3). */
export function identityFromUrl(url: string): IdentityResult {
  const path = url.split('?', 1)[0];
  if (!path.startsWith(ENDPOINT_PREFIX)) {
    return { ok: false, refusal: refuse(404, `charge points connect to ${ENDPOINT_PREFIX}<identity>`) };
  }
  const segment = path.slice(path.lastIndexOf('/') + 1);
  let identity: string;
  try {
    identity = decodeURIComponent(segment);
  } catch {
    return { ok: false, refusal: refuse(400, 'the identity is not correctly URL-encoded') };
  }
  if (!IDENTITY_PATTERN.test(identity)) {
    return {
      ok: false,
      refusal: refuse(400, 'the identity must be 1 to 48 characters of letters, digits and -_.:*'),
    };
  }
  if (DOT_SEGMENTS.has(identity)) {
    return { ok: false, refusal: refuse(400, `the identity cannot be "${identity}": a URL cannot address it`) };
  }
  return { ok: true, identity };
}

/** The password bytes of `Authorization: Basic base64(identity:password)`, never decoded as text, or why there are none. */
export function passwordFromAuthorization(
  authorization: string | undefined,
  identity: string,
): { ok: true; password: Buffer } | { ok: false; reason: string } {
  if (!authorization) return { ok: false, reason: 'this charge point needs a password (HTTP Basic authentication)' };
  const [scheme, credentials] = authorization.trim().split(/\s+/, 2);
  if (scheme.toLowerCase() !== 'basic' || !credentials) {
    return { ok: false, reason: 'the Authorization header must use the Basic scheme' };
  }
  const decoded = Buffer.from(credentials, 'base64');
  // The identity may itself contain ":", so the known identity (ASCII, public) is matched as a prefix.
  const prefix = Buffer.from(`${identity}:`);
  if (!decoded.subarray(0, prefix.length).equals(prefix)) return { ok: false, reason: 'the Basic credentials are for another identity' };
  return { ok: true, password: decoded.subarray(prefix.length) };
}

export function decideHandshake(request: HandshakeRequest, context: HandshakeContext): HandshakeDecision {
  const parsed = identityFromUrl(request.url);
  if (!parsed.ok) return parsed.refusal;
  const { identity } = parsed;

  const offered = request.protocolsOffered;
  if (offered.length > 0 && !offered.includes(OCPP_SUBPROTOCOL)) {
    return refuse(400, `unsupported WebSocket subprotocol ${offered.join(', ')}: this central system speaks ${OCPP_SUBPROTOCOL}`);
  }

  const registration = context.registrationOf(identity);
  if (!registration && context.unknownChargePoints === 'reject') {
    return refuse(403, `charge point ${identity} is not adopted and unknown charge points are refused`);
  }

  const profile = registration?.securityProfile ?? 0;
  const profileRefused = profileRefusal(profile, identity, request.transport);
  if (profileRefused) return profileRefused;
  // Profile 3 authenticates by its certificate alone (whitepaper: no Basic auth).
  const passwordHash = profile === 3 ? null : registration?.passwordHash;
  if (!passwordHash && (profile === 1 || profile === 2)) {
    return insecure(401, `security profile ${profile} needs a password, none is set for the charge point`);
  }
  if (!passwordHash) return { outcome: 'accept', identity, protocol: OCPP_SUBPROTOCOL };

  const credentials = passwordFromAuthorization(request.authorization, identity);
  if (!credentials.ok) return profile === 0 ? unauthorized(credentials.reason) : insecure(401, credentials.reason);
  return {
    outcome: 'verifyPassword',
    identity,
    protocol: OCPP_SUBPROTOCOL,
    password: credentials.password,
    passwordHash,
    previousPasswordHash: registration?.previousPasswordHash ?? null,
    pendingPasswordHash: registration?.pendingPasswordHash ?? null,
    // Under a security profile a wrong password is recorded too (ConnectionRefused); the throttle bounds how often.
    onMismatch: profile === 0 ? unauthorized('wrong password') : insecure(401, 'wrong password'),
  };
}

/** Too many passwords were tried for this identity or from this address: refused before any is checked. */
export function tooManyAttempts(retryAfterMs: number): HandshakeRefused {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return refuse(429, `too many wrong passwords: try again in ${seconds} s`, { 'Retry-After': String(seconds) });
}

/** The end of the ladder once the password was checked. */
export function afterPasswordCheck(pending: HandshakeNeedsPassword, matches: boolean): HandshakeAccepted | HandshakeRefused {
  if (!matches) return pending.onMismatch;
  return { outcome: 'accept', identity: pending.identity, protocol: pending.protocol };
}
