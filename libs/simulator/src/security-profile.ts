import type { ClientTls } from './socket';

/** What a wallbox has for each OCPP security profile (whitepaper §2): its credentials and where it connects. */
export interface SecurityCredentials {
  /** The profile it connects with now: 0 none, 1 Basic auth, 2 Basic auth over wss://, 3 client certificate. */
  profile: number;
  url: string;
  /** The `wss://` base URL it moves to when raised to profile 2 or 3 (when `url` is not one already). */
  secureUrl?: string;
  password?: string | Buffer;
  tls?: ClientTls;
}

/**
 * Why the wallbox cannot run `requested` (ChangeConfiguration SecurityProfile, TC_083), or null
 * when it can: only upward (the whitepaper forbids lowering it this way), and only with what the
 * profile needs — a password for 1 and 2, a `wss://` URL and the CA to trust for 2 and 3, a client
 * certificate for 3. A wallbox without them rejects, and stays reachable under its old profile.
 */
export function securityProfileProblem(credentials: SecurityCredentials, requested: number): string | null {
  if (!Number.isInteger(requested) || requested < 0 || requested > 3) return 'not a security profile';
  if (requested <= credentials.profile) return `only upward from ${credentials.profile}`;
  if ((requested === 1 || requested === 2) && credentials.password === undefined) return 'no password';
  if (requested >= 2 && (secureEndpoint(credentials) === undefined || !credentials.tls?.ca)) return 'no wss:// URL or CA to trust';
  if (requested === 3 && (!credentials.tls?.cert || !credentials.tls.key)) return 'no client certificate';
  return null;
}

/** The base URL it connects to under `profile`. */
export function endpointFor(credentials: SecurityCredentials, profile: number): string {
  return profile >= 2 ? (secureEndpoint(credentials) as string) : credentials.url;
}

function secureEndpoint(credentials: SecurityCredentials): string | undefined {
  return /^wss:/i.test(credentials.url) ? credentials.url : credentials.secureUrl;
}
