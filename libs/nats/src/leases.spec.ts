import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { KV, NatsConnection } from 'nats';
import { uniqueNamespace } from '@voltstream/testing';
import { parseLeaseValue, type LeaseValue } from '@voltstream/contracts';
import { connectNats, HeldLease, LeaseWatcher, openLeaseBucket } from './index';

/** Short, so that the tests are; long enough that a busy machine renews in time. */
const TTL_MS = 3000;
/** A lapse is handled one time to live, and a check, after the last renewal; room for a busy machine. */
const HANDLED_WITHIN_MS = 3 * TTL_MS;

describe('gateway leases on a real JetStream KeyValue bucket (one per test)', () => {
  let nc: NatsConnection;
  let kv: KV;
  const watchers: LeaseWatcher[] = [];
  const held: HeldLease[] = [];

  /** A watcher that counts the holders it handled; `fail` makes its first handling fail. */
  async function watcher(holder: string, fail = false): Promise<string[]> {
    const handled: string[] = [];
    let failures = fail ? 1 : 0;
    const onLapsed = async (lost: string) => {
      if (failures-- > 0) throw new Error('NATS went away');
      handled.push(lost);
    };
    watchers.push(await LeaseWatcher.start(kv, { holder, ttlMs: TTL_MS, onLapsed, warn: () => undefined }));
    return handled;
  }

  async function hold(holder: string, onLost: () => void = () => undefined): Promise<HeldLease> {
    const lease = await HeldLease.acquire(kv, holder, TTL_MS, onLost);
    held.push(lease);
    return lease;
  }

  const keys = async () => {
    const found: string[] = [];
    for await (const key of await kv.keys()) found.push(Buffer.from(key, 'base64url').toString());
    return found.sort();
  };

  beforeAll(async () => {
    nc = await connectNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', 'leases-spec');
  });
  beforeEach(async () => {
    kv = await openLeaseBucket(nc, `${uniqueNamespace()}_leases`);
  });
  afterEach(async () => {
    watchers.splice(0).forEach((each) => each.stop());
    held.splice(0).forEach((each) => each.stop());
    await kv.destroy();
  });
  afterAll(() => nc.close());

  it('a holder gone without a goodbye is handled once, by one of the watchers, and its lease removed', async () => {
    const [seenByA, seenByB] = await Promise.all([watcher('watcher-a'), watcher('watcher-b')]);
    const lost = await hold('pod-killed');
    lost.stop();
    await expect.poll(() => [...seenByA, ...seenByB], { timeout: HANDLED_WITHIN_MS, interval: 100 }).toEqual(['pod-killed']);
    await expect.poll(keys, { timeout: HANDLED_WITHIN_MS }).not.toContain('pod-killed');
    expect([...seenByA, ...seenByB]).toEqual(['pod-killed']);
  });

  it('a holder that renews is never handled, and one that gives its lease back is not either', async () => {
    const handled = await watcher('watcher-c');
    await hold('pod-alive');
    const leaving = await hold('pod-leaving');
    await leaving.release();
    const lost = await hold('pod-lost-meanwhile');
    lost.stop();
    // The lease that lapsed is the clock: by then the others would have lapsed too.
    await expect.poll(() => handled, { timeout: HANDLED_WITHIN_MS, interval: 100 }).toContain('pod-lost-meanwhile');
    expect(handled).toEqual(['pod-lost-meanwhile']);
    expect(await keys()).toContain('pod-alive');
    expect(await keys()).not.toContain('pod-leaving');
  });

  it('a handling that failed is tried again once the claim lapses in its turn', async () => {
    const handled = await watcher('watcher-d', true);
    (await hold('pod-retried')).stop();
    await expect.poll(() => handled, { timeout: 2 * HANDLED_WITHIN_MS, interval: 100 }).toEqual(['pod-retried']);
    await expect.poll(keys, { timeout: HANDLED_WITHIN_MS }).not.toContain('pod-retried');
  });

  it('a holder whose lease was claimed (it was only slow) is told, and takes its lease anew', async () => {
    let told = 0;
    await hold('pod-slow', () => told++);
    const key = Buffer.from('pod-slow').toString('base64url');
    const entry = await kv.get(key);
    await kv.update(key, JSON.stringify({ holder: 'pod-slow', claimedBy: 'watcher-e' } satisfies LeaseValue), entry?.revision ?? 0);
    await expect.poll(() => told, { timeout: HANDLED_WITHIN_MS }).toBe(1);
    await expect.poll(async () => parseLeaseValue((await kv.get(key))?.value ?? new Uint8Array())).toEqual({ holder: 'pod-slow' });
  });
});
