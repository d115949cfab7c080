import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KV } from 'nats';
import { parseLeaseValue, type LeaseValue } from '@voltstream/contracts';
import { openLeaseBucket } from '@voltstream/nats';
import { countEvents, lastEvent } from '@voltstream/testing';
import { GatewayTestbed } from './support/gateway-under-test';
import { TestWallbox } from './support/wallbox';

/** The pod's side of a lease: it holds one while it runs, and gives it back, or closes its wallboxes when another claimed it. */
describe('a gateway pod and its lease', () => {
  const testbed = new GatewayTestbed();
  let leases: KV;

  beforeAll(async () => {
    await testbed.setUp();
    leases = await openLeaseBucket(testbed.nc, testbed.subjects.gatewayLeasesBucket);
  });
  afterAll(() => testbed.tearDown());

  const held = async () => {
    const values: LeaseValue[] = [];
    for await (const key of await leases.keys()) {
      const entry = await leases.get(key);
      if (entry?.operation === 'PUT') values.push(parseLeaseValue(entry.value));
    }
    return values;
  };

  it('a pod whose lease another pod claimed (it was too slow) closes its wallboxes so they reconnect and are recorded anew', async () => {
    const { url, gateway } = await testbed.startGateway({ GATEWAY_LEASE_TTL: '3' });
    const wallbox = await TestWallbox.open(url, 'LEASE-CP-1');
    await expect.poll(() => countEvents(testbed.nc, testbed.subjects, 'LEASE-CP-1', 'ChargePointConnected')).toBe(1);
    const [{ holder }] = await held();
    const key = Buffer.from(holder).toString('base64url');
    const entry = await leases.get(key);
    await leases.update(key, JSON.stringify({ holder, claimedBy: 'another-pod' } satisfies LeaseValue), entry?.revision ?? 0);

    expect(await wallbox.closed).toEqual({ code: 1012, reason: 'this gateway lost its lease' });
    await expect.poll(held).toEqual([{ holder }]);
    const again = await TestWallbox.open(url, 'LEASE-CP-1');
    await expect.poll(() => countEvents(testbed.nc, testbed.subjects, 'LEASE-CP-1', 'ChargePointConnected')).toBe(2);
    await again.close();
    await gateway.close();
  });

  it('a pod stopped gracefully records its disconnects and gives its lease back', async () => {
    const { url, gateway } = await testbed.startGateway({ GATEWAY_LEASE_TTL: '3' });
    const wallbox = await TestWallbox.open(url, 'LEASE-CP-2');
    await expect.poll(() => countEvents(testbed.nc, testbed.subjects, 'LEASE-CP-2', 'ChargePointConnected')).toBe(1);
    expect(await held()).toHaveLength(1);
    await gateway.close();
    expect(await wallbox.closed).toEqual({ code: 1001, reason: 'going away' });
    expect(await lastEvent(testbed.nc, testbed.subjects, 'LEASE-CP-2', 'ChargePointDisconnected')).toMatchObject({ data: { reason: 'going away' } });
    expect(await held()).toEqual([]);
  });
});
