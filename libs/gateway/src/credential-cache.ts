import { createHash } from 'node:crypto';

/** Verified handshakes remembered; a pod holds tens of thousands of wallboxes. */
export const CREDENTIAL_CACHE_SIZE = 50_000;

/**
 * Remembers password verifications so that a reconnect storm does not run scrypt once per
 * handshake. The key is a hash of the presented Authorization header and the stored password
 * hash: a new password (a new stored hash) or other credentials are verified afresh, and the
 * header itself is never kept. Both outcomes are kept — a verification is deterministic — and a
 * verification in progress is shared by every handshake presenting the same credentials.
 */
export class CredentialCache {
  private readonly verdicts = new Map<string, Promise<boolean>>();

  constructor(private readonly capacity = CREDENTIAL_CACHE_SIZE) {}

  verify(authorization: string, passwordHash: string, verifyPassword: () => Promise<boolean>): Promise<boolean> {
    const key = createHash('sha256').update(authorization).update('\0').update(passwordHash).digest('base64');
    const known = this.verdicts.get(key);
    if (known) return known;
    const verdict = verifyPassword();
    this.remember(key, verdict);
    verdict.catch(() => this.verdicts.delete(key));
    return verdict;
  }

  private remember(key: string, verdict: Promise<boolean>): void {
    if (this.verdicts.size >= this.capacity) {
      const oldest = this.verdicts.keys().next().value as string;
      this.verdicts.delete(oldest);
    }
    this.verdicts.set(key, verdict);
  }
}
