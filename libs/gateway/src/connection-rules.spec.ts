import { describe, expect, it } from 'vitest';
import { isNewerClaim, nextConnectedAt } from './connection-claims';
import { CredentialCache } from './credential-cache';
import { GarbageMeter } from './garbage-meter';
import { publishMessageId } from './message-id';

const claim = (connectedAt: number, connectionId: string) => ({ identity: 'CP1', gatewayId: 'pod', connectedAt, connectionId });

describe('newest connection wins', () => {
  it('a later handshake is newer, whatever the connection ids', () => {
    expect(isNewerClaim(claim(2, 'a'), claim(1, 'z'))).toBe(true);
    expect(isNewerClaim(claim(1, 'z'), claim(2, 'a'))).toBe(false);
  });

  it('the connection id breaks a tie, the same way on every pod', () => {
    expect(isNewerClaim(claim(5, 'b'), claim(5, 'a'))).toBe(true);
    expect(isNewerClaim(claim(5, 'a'), claim(5, 'b'))).toBe(false);
    expect(isNewerClaim(claim(5, 'a'), claim(5, 'a'))).toBe(false);
  });

  it('orders two handshakes of one pod within one millisecond as they happened', () => {
    expect(nextConnectedAt(1000, 1000)).toBe(1001);
    expect(nextConnectedAt(1000, 2000)).toBe(2000);
  });
});

describe('garbage limit', () => {
  it('closes after the limit of malformed frames in a row, and a good frame starts the count anew', () => {
    const meter = new GarbageMeter(3);
    expect([meter.recordGarbage(), meter.recordGarbage()]).toEqual([false, false]);
    meter.recordWellFormed();
    expect([meter.recordGarbage(), meter.recordGarbage(), meter.recordGarbage()]).toEqual([false, false, true]);
  });
});

describe('publish message id', () => {
  const frame = '[2,"1","Heartbeat",{}]';

  it('is the same for a true retry, so JetStream stores it once', () => {
    expect(publishMessageId('CP1', '1', frame)).toBe(publishMessageId('CP1', '1', frame));
  });

  it('differs when a rebooted wallbox reuses a unique id for another message', () => {
    expect(publishMessageId('CP1', '1', '[2,"1","StatusNotification",{}]')).not.toBe(publishMessageId('CP1', '1', frame));
  });

  it('starts with identity and unique id', () => {
    expect(publishMessageId('CP.1', '77', frame)).toMatch(/^CP\.1:77:[A-Za-z0-9_-]{16}$/);
  });
});

describe('credential cache', () => {
  function counting(result: boolean) {
    const calls = { count: 0 };
    return { calls, verify: async () => (calls.count++, result) };
  }

  it('verifies the same credentials against the same hash once, even when asked at once', async () => {
    const cache = new CredentialCache();
    const { calls, verify } = counting(true);
    const verdicts = await Promise.all([cache.verify('Basic x', 'h1', verify), cache.verify('Basic x', 'h1', verify)]);
    expect(await cache.verify('Basic x', 'h1', verify)).toBe(true);
    expect(verdicts).toEqual([true, true]);
    expect(calls.count).toBe(1);
  });

  it('verifies again for another stored hash or other credentials', async () => {
    const cache = new CredentialCache();
    const { calls, verify } = counting(false);
    await cache.verify('Basic x', 'h1', verify);
    await cache.verify('Basic x', 'h2', verify);
    await cache.verify('Basic y', 'h1', verify);
    expect(calls.count).toBe(3);
  });

  it('forgets the oldest verdict beyond its capacity', async () => {
    const cache = new CredentialCache(2);
    const { calls, verify } = counting(true);
    for (const header of ['a', 'b', 'c', 'a']) await cache.verify(header, 'h', verify);
    expect(calls.count).toBe(4);
  });

  it('does not keep a failed verification', async () => {
    const cache = new CredentialCache();
    await expect(cache.verify('a', 'h', () => Promise.reject(new Error('pool down')))).rejects.toThrow('pool down');
    expect(await cache.verify('a', 'h', async () => true)).toBe(true);
  });
});
