import { describe, expect, it } from 'vitest';
import { evenSplit, loopbackAddress, planWorkers, sumCounters } from './plan';
import type { WorkerCounters } from './protocol';

describe('spreading wallboxes over workers and source addresses', () => {
  it('numbers loopback addresses from 127.0.0.2, on into the next octets', () => {
    expect(loopbackAddress(0)).toBe('127.0.0.2');
    expect(loopbackAddress(253)).toBe('127.0.0.255');
    expect(loopbackAddress(254)).toBe('127.0.1.0');
  });

  it('splits evenly', () => {
    expect(evenSplit(10, 3)).toEqual([4, 3, 3]);
    expect(evenSplit(0, 2)).toEqual([0, 0]);
  });

  it('shares 50,000 over 4 gateways, never more than 15,000 per worker or 5,000 per address', () => {
    const urls = ['ws://a', 'ws://b', 'ws://c', 'ws://d'];
    const plans = planWorkers({ urls, count: 50_000, identityPrefix: 'CP-' }, 10);
    expect(plans.reduce((total, plan) => total + plan.count, 0)).toBe(50_000);
    expect(Math.max(...plans.map((plan) => plan.count))).toBeLessThanOrEqual(15_000);
    plans.forEach((plan) => expect(plan.count / plan.localAddresses.length).toBeLessThanOrEqual(5000));
    expect(new Set(plans.map((plan) => plan.url))).toEqual(new Set(urls));
    const addresses = plans.flatMap((plan) => plan.localAddresses);
    expect(new Set(addresses).size).toBe(addresses.length);
    expect(addresses[0]).toBe(loopbackAddress(10));
    expect(new Set(plans.map((plan) => plan.identityPrefix)).size).toBe(plans.length);
  });

  it('puts 19,000 wallboxes of one gateway on two workers', () => {
    const plans = planWorkers({ urls: ['ws://a'], count: 19_000, identityPrefix: 'CP-' }, 0);
    expect(plans.map((plan) => plan.count)).toEqual([9500, 9500]);
  });
});

describe('summing worker counters', () => {
  const counters = (online: number, lastBootAt: number, lastFailure?: string): WorkerCounters => ({
    total: 10,
    online,
    accepted: online,
    failed: 10 - online,
    heartbeats: 0,
    heartbeatFailures: 0,
    bootedSinceMark: online,
    bootFailuresSinceMark: 0,
    lastBootAt,
    lastFailure,
  });

  it('adds the counts, keeps the latest boot and a failure', () => {
    const sum = sumCounters([counters(10, 5), counters(7, 9, 'timeout')]);
    expect(sum).toMatchObject({ total: 20, online: 17, failed: 3, bootedSinceMark: 17, lastBootAt: 9, lastFailure: 'timeout' });
  });
});
