/** A token bucket's size: `burst` attempts at once, then one more every `refillMs`. */
export interface AttemptBudget {
  burst: number;
  refillMs: number;
}

/**
 * Password checks (scrypt) per identity: a handful at once, then one a minute — about 1,400
 * guesses a day however many addresses an attacker has.
 */
export const IDENTITY_BUDGET: AttemptBudget = { burst: 10, refillMs: 60_000 };
/**
 * Per source address: room for the wallboxes of a site behind one NAT reconnecting at once (a
 * password that matches gives its attempt back), not for one address guessing at scrypt's speed.
 */
export const ADDRESS_BUDGET: AttemptBudget = { burst: 20, refillMs: 3_000 };
/** Buckets (and good addresses) remembered of each kind; the oldest are forgotten beyond it. */
export const THROTTLE_MEMORY = 50_000;

/**
 * The key of a source address's budget: an IPv4 address (also IPv4-mapped) as it is, an IPv6
 * address by its /64 — the least a single subscriber is handed, so that an attacker cannot draw
 * on 2^64 budgets.
 */
export function addressKey(address: string): string {
  if (!address.includes(':') || address.startsWith('::ffff:')) return address;
  const [head, tail = ''] = address.toLowerCase().split('::', 2);
  const left = head ? head.split(':') : [];
  const right = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  const hextets = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${hextets.slice(0, 4).map((hextet) => hextet.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

export type Admission = { admitted: true } | { admitted: false; retryAfterMs: number };

const ADMITTED: Admission = { admitted: true };

interface Bucket {
  tokens: number;
  /** Epoch milliseconds when `tokens` was last brought up to date. */
  at: number;
}

/** Token buckets by key; a key without a bucket has a full one. Pure but for the clock passed in. */
class Buckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly budget: AttemptBudget,
    private readonly memory: number,
  ) {}

  /** How long until `key` has an attempt left; 0 when it has one now. */
  waitMs(key: string, now: number): number {
    const tokens = this.tokens(key, now);
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) * this.budget.refillMs);
  }

  take(key: string, now: number): void {
    this.set(key, this.tokens(key, now) - 1, now);
  }

  giveBack(key: string, now: number): void {
    const tokens = this.tokens(key, now) + 1;
    if (tokens >= this.budget.burst) this.buckets.delete(key);
    else this.set(key, tokens, now);
  }

  private tokens(key: string, now: number): number {
    const bucket = this.buckets.get(key);
    if (bucket === undefined) return this.budget.burst;
    return Math.min(this.budget.burst, bucket.tokens + Math.max(0, now - bucket.at) / this.budget.refillMs);
  }

  private set(key: string, tokens: number, at: number): void {
    this.buckets.delete(key);
    if (this.buckets.size >= this.memory) this.buckets.delete(this.buckets.keys().next().value as string);
    this.buckets.set(key, { tokens, at });
  }
}

/**
 * How many passwords may be checked, per identity and per source address. Each check the
 * credential cache cannot answer costs one attempt from both budgets before scrypt runs — so that
 * a burst of concurrent guesses is counted before any of them is judged — and a password that
 * matches gives it back. When a budget is spent, the handshake is refused without running scrypt.
 *
 * A correct wallbox still gets in: a header verified before is answered by the credential cache
 * without coming here, and an identity's own budget does not hold back the address it last logged
 * in from — an attacker guessing that identity from many addresses spends the identity's budget,
 * not its wallbox's.
 */
export class LoginThrottle {
  private readonly identities: Buckets;
  private readonly addresses: Buckets;
  /** The address each identity last logged in from, oldest first. */
  private readonly goodAddresses = new Map<string, string>();

  constructor(
    private readonly clock: () => number,
    identityBudget = IDENTITY_BUDGET,
    addressBudget = ADDRESS_BUDGET,
    private readonly memory = THROTTLE_MEMORY,
  ) {
    this.identities = new Buckets(identityBudget, memory);
    this.addresses = new Buckets(addressBudget, memory);
  }

  /** Before a password check: admitted (and charged), or how long to wait. */
  admit(identity: string, remoteAddress: string): Admission {
    const address = addressKey(remoteAddress);
    const now = this.clock();
    const byIdentity = this.isGoodAddress(identity, address) ? 0 : this.identities.waitMs(identity, now);
    const wait = Math.max(byIdentity, this.addresses.waitMs(address, now));
    if (wait > 0) return { admitted: false, retryAfterMs: wait };
    if (!this.isGoodAddress(identity, address)) this.identities.take(identity, now);
    this.addresses.take(address, now);
    return ADMITTED;
  }

  /** After an admitted check: a match gives the attempt back and makes the address good. */
  settle(identity: string, remoteAddress: string, matched: boolean): void {
    if (!matched) return;
    const address = addressKey(remoteAddress);
    const now = this.clock();
    if (!this.isGoodAddress(identity, address)) this.identities.giveBack(identity, now);
    this.addresses.giveBack(address, now);
    this.goodAddresses.delete(identity);
    if (this.goodAddresses.size >= this.memory) this.goodAddresses.delete(this.goodAddresses.keys().next().value as string);
    this.goodAddresses.set(identity, address);
  }

  private isGoodAddress(identity: string, address: string): boolean {
    return this.goodAddresses.get(identity) === address;
  }
}
