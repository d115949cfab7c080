import { describe, expect, it } from 'vitest';
import { addressKey, LoginThrottle, type AttemptBudget } from './login-throttle';

const IDENTITY: AttemptBudget = { burst: 3, refillMs: 60_000 };
const ADDRESS: AttemptBudget = { burst: 5, refillMs: 10_000 };

function given() {
  const clock = { now: 1_000_000 };
  const throttle = new LoginThrottle(() => clock.now, IDENTITY, ADDRESS);
  /** `count` wrong passwords: how many were admitted to a check. */
  const wrongPasswords = (identity: string, address: string, count: number) => {
    let admitted = 0;
    for (let attempt = 0; attempt < count; attempt++) {
      if (!throttle.admit(identity, address).admitted) continue;
      admitted += 1;
      throttle.settle(identity, address, false);
    }
    return admitted;
  };
  return { clock, throttle, wrongPasswords };
}

describe('LoginThrottle', () => {
  it('admits an identity’s burst of wrong passwords, then refuses saying how long to wait', () => {
    const { throttle, wrongPasswords } = given();
    expect(wrongPasswords('CP-1', '10.0.0.1', 10)).toBe(3);
    expect(throttle.admit('CP-1', '10.0.0.1')).toEqual({ admitted: false, retryAfterMs: 60_000 });
  });

  it('counts concurrent checks before they are judged: a burst of guesses in flight is bounded too', () => {
    const { throttle } = given();
    const admitted = Array.from({ length: 10 }, () => throttle.admit('CP-1', '10.0.0.1').admitted);
    expect(admitted.filter(Boolean)).toHaveLength(3);
  });

  it('refills one attempt per refill interval', () => {
    const { clock, throttle, wrongPasswords } = given();
    wrongPasswords('CP-1', '10.0.0.1', 3);
    clock.now += 30_000;
    expect(throttle.admit('CP-1', '10.0.0.1')).toEqual({ admitted: false, retryAfterMs: 30_000 });
    clock.now += 30_000;
    expect(wrongPasswords('CP-1', '10.0.0.1', 5)).toBe(1);
  });

  it('holds an identity guessed from many addresses to its own budget', () => {
    const { throttle, wrongPasswords } = given();
    const admitted = Array.from({ length: 20 }, (_, index) => wrongPasswords('CP-1', `10.0.1.${index}`, 1));
    expect(admitted.reduce((sum, one) => sum + one, 0)).toBe(3);
    expect(throttle.admit('CP-1', '10.0.2.1').admitted).toBe(false);
  });

  it('holds one address guessing many identities to the address budget', () => {
    const { throttle, wrongPasswords } = given();
    const admitted = Array.from({ length: 20 }, (_, index) => wrongPasswords(`CP-${index}`, '10.0.0.1', 1));
    expect(admitted.reduce((sum, one) => sum + one, 0)).toBe(5);
    expect(throttle.admit('CP-99', '10.0.0.1')).toEqual({ admitted: false, retryAfterMs: 10_000 });
    expect(throttle.admit('CP-99', '10.0.0.2').admitted).toBe(true);
  });

  it('gives a matching password its attempt back: a site of wallboxes behind one address all log in', () => {
    const { throttle } = given();
    for (let wallbox = 0; wallbox < 50; wallbox++) {
      expect(throttle.admit(`CP-${wallbox}`, '10.0.0.1').admitted).toBe(true);
      throttle.settle(`CP-${wallbox}`, '10.0.0.1', true);
    }
  });

  it('lets a wallbox in from the address it last logged in from while others spend its identity’s budget', () => {
    const { throttle, wrongPasswords } = given();
    expect(throttle.admit('CP-1', '10.0.0.1').admitted).toBe(true);
    throttle.settle('CP-1', '10.0.0.1', true);
    expect(wrongPasswords('CP-1', '10.6.6.6', 3) + wrongPasswords('CP-1', '10.6.6.7', 3)).toBe(3);
    expect(throttle.admit('CP-1', '10.6.6.8').admitted).toBe(false);
    expect(throttle.admit('CP-1', '10.0.0.1').admitted).toBe(true);
  });

  it('still holds the good address to the address budget', () => {
    const { throttle, wrongPasswords } = given();
    throttle.admit('CP-1', '10.0.0.1');
    throttle.settle('CP-1', '10.0.0.1', true);
    expect(wrongPasswords('CP-1', '10.0.0.1', 10)).toBe(5);
  });

  it('forgets the oldest buckets beyond its memory, so that spraying addresses cannot grow it without bound', () => {
    const clock = { now: 0 };
    const throttle = new LoginThrottle(() => clock.now, IDENTITY, { burst: 1, refillMs: 60_000 }, 2);
    for (const address of ['a', 'b', 'c']) throttle.admit(`CP-${address}`, address);
    expect(throttle.admit('CP-x', 'a').admitted).toBe(true);
    expect(throttle.admit('CP-y', 'c').admitted).toBe(false);
  });

  it('holds the addresses of one IPv6 /64 to one budget', () => {
    const { throttle, wrongPasswords } = given();
    const admitted = Array.from({ length: 10 }, (_, index) => wrongPasswords(`CP-${index}`, `2001:db8:0:7::${index + 1}`, 1));
    expect(admitted.reduce((sum, one) => sum + one, 0)).toBe(5);
    expect(throttle.admit('CP-99', '2001:db8:0:8::1').admitted).toBe(true);
  });
});

describe('addressKey', () => {
  it('keeps an IPv4 address, also IPv4-mapped, and keys IPv6 by its /64 however it is written', () => {
    expect(addressKey('10.0.0.1')).toBe('10.0.0.1');
    expect(addressKey('::ffff:10.0.0.1')).toBe('::ffff:10.0.0.1');
    expect(addressKey('2001:DB8:0:7:a:b:c:d')).toBe('2001:db8:0:7::/64');
    expect(addressKey('2001:db8:0:7::1')).toBe('2001:db8:0:7::/64');
    expect(addressKey('2001:db8::7:0:0:1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('fe80::1')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });
});
