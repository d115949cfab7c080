import { randomBytes, scrypt, scryptSync, timingSafeEqual, type BinaryLike, type ScryptOptions } from 'node:crypto';

/**
 * Charge point passwords (OCPP security profiles 1 and 2) are stored as scrypt hashes:
 * `scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>`. Verification cost is kept moderate because
 * every wallbox handshake verifies one; the gateway caches a verified header per connection attempt.
 * A password is bytes (any 16 to 40, OCPP AuthorizationKey): a string stands for its UTF-8 bytes,
 * so text and the same bytes hash alike.
 */
const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

export function hashPassword(password: BinaryLike, salt: Buffer = randomBytes(16)): string {
  const hash = scryptSync(password, salt, KEY_LENGTH, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

function scryptAsync(password: BinaryLike, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** Runs on libuv's thread pool, so a handshake storm does not block the event loop; compares the hashes in constant time. */
export async function verifyPassword(password: BinaryLike, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const options = { N: Number(n), r: Number(r), p: Number(p) };
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, options);
  return timingSafeEqual(actual, expected);
}
