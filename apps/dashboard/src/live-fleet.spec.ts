import { describe, expect, it } from 'vitest';
import type { ChargePoint, FleetPage } from './api/types';
import { mergeChanges, type FleetFilter } from './live-fleet';

const chargePoint = (identity: string, changes: Partial<ChargePoint> = {}): ChargePoint => ({
  identity,
  state: 'adopted',
  online: true,
  lastSeenAt: null,
  startMode: 'centralList',
  autoStartIdTag: null,
  vendor: 'Keba',
  model: 'P30',
  serialNumber: null,
  firmwareVersion: null,
  lastIdTag: null,
  status: 'Available',
  errorCode: null,
  connectors: [],
  ...changes,
});
const page = (...items: ChargePoint[]): FleetPage => ({ items, total: items.length, discovered: 0, online: items.length });
const filter: FleetFilter = { search: '', state: 'adopted', online: undefined };

describe('mergeChanges: live changes on the fleet page shown', () => {
  it('replaces a charge point on the page in place, and the page stays as it is', () => {
    const charging = chargePoint('CP-2', { status: 'Charging' });
    const merged = mergeChanges(page(chargePoint('CP-1'), chargePoint('CP-2')), new Map([['CP-2', charging]]), filter);
    expect(merged).toEqual({ page: page(chargePoint('CP-1'), charging), stale: false });
  });

  it('marks the page stale when a charge point not on it changed: it may be new, or belong on this page', () => {
    expect(mergeChanges(page(chargePoint('CP-1')), new Map([['CP-9', chargePoint('CP-9')]]), filter).stale).toBe(true);
  });

  it('marks the page stale when a change moves a charge point out of the filter or changes the counts', () => {
    const adopted = new Map([['CP-1', chargePoint('CP-1')]]);
    expect(mergeChanges(page(chargePoint('CP-1', { state: 'discovered' })), adopted, { ...filter, state: 'discovered' }).stale).toBe(true);
    const offline = new Map([['CP-1', chargePoint('CP-1', { online: false })]]);
    expect(mergeChanges(page(chargePoint('CP-1')), offline, filter).stale).toBe(true);
  });
});
