import { describe, expect, it } from 'vitest';
import type { ChargePoint, FleetPage } from './api/types';
import { changesArrived, mergeChanges, NOT_READ, readAnswered, readAsked, type FleetFilter } from './live-fleet';

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

describe('LiveFleet: the page read after the subscription follows, with the changes since the read was asked for', () => {
  const read = (...items: ChargePoint[]) => page(...items);

  it('applies a change that arrived while the read was in flight on its answer: the read may predate it', () => {
    let live = readAsked(NOT_READ);
    const charging = chargePoint('CP-1', { status: 'Charging' });
    live = changesArrived(live, new Map([['CP-1', charging]]), filter).live;
    const answered = readAnswered(live, read(chargePoint('CP-1'), chargePoint('CP-2')), filter);
    expect(answered.live).toEqual({ page: read(charging, chargePoint('CP-2')), sinceRead: null });
    expect(answered.stale).toBe(false);
  });

  it('asks again when a wallbox not on the page appeared while the read was in flight: it may belong on it', () => {
    let live = readAsked(NOT_READ);
    live = changesArrived(live, new Map([['CP-NEW', chargePoint('CP-NEW')]]), filter).live;
    expect(readAnswered(live, read(chargePoint('CP-1')), filter).stale).toBe(true);
  });

  it('keeps recording across a second read asked for while the first is in flight, and stops once answered', () => {
    let live = readAsked(NOT_READ);
    live = changesArrived(live, new Map([['CP-1', chargePoint('CP-1', { status: 'Faulted' })]]), filter).live;
    live = readAsked(live);
    live = changesArrived(live, new Map([['CP-2', chargePoint('CP-2', { status: 'Charging' })]]), filter).live;
    live = readAnswered(live, read(chargePoint('CP-1'), chargePoint('CP-2')), filter).live;
    expect(live.page?.items.map(({ status }) => status)).toEqual(['Faulted', 'Charging']);
    expect(live.sinceRead).toBeNull();

    const later = changesArrived(live, new Map([['CP-2', chargePoint('CP-2', { status: 'Available' })]]), filter);
    expect(later.live.sinceRead).toBeNull();
    expect(later.live.page?.items.map(({ status }) => status)).toEqual(['Faulted', 'Available']);
  });

  it('shows nothing before the first read, whatever changes arrive', () => {
    const { live, stale } = changesArrived(NOT_READ, new Map([['CP-1', chargePoint('CP-1')]]), filter);
    expect(live).toEqual(NOT_READ);
    expect(stale).toBe(false);
  });
});
