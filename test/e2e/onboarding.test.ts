import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatedChargePoint } from '@voltstream/simulator';
import { startSystem, type System } from './support/system';

interface ChargePointView {
  identity: string;
  state: string;
  online: boolean;
  vendor: string | null;
  model: string | null;
  serialNumber: string | null;
  firmwareVersion: string | null;
  status: string | null;
  connectors: { connectorId: number; status: string; errorCode: string; available: boolean }[];
}

describe('a new wallbox, from first connection to adoption (end to end)', () => {
  let system: System;
  let wallbox: SimulatedChargePoint;

  beforeAll(async () => {
    system = await startSystem();
    wallbox = new SimulatedChargePoint({
      url: system.services.ocppUrl,
      identity: 'GARAGE.1',
      connectors: 2,
      vendor: 'Voltwerk',
      model: 'VW-22',
      serialNumber: 'SN-0042',
      firmwareVersion: '1.4.2',
    });
  });
  afterAll(async () => {
    await wallbox?.close();
    await system?.stop();
  });

  it('an unknown wallbox is answered Pending and listed as discovered', async () => {
    await wallbox.connect();
    expect((await wallbox.boot()).status).toBe('Pending');
    await expect
      .poll(async () => (await system.api<ChargePointView[]>('/api/charge-points?state=discovered')).body.map((cp) => cp.identity))
      .toContain('GARAGE.1');
  });

  it('adopting it through the API makes the CSMS ask it to boot again, and accepts it', async () => {
    const adopted = await system.api<ChargePointView>('/api/charge-points/GARAGE.1', { method: 'PUT', body: { startMode: 'anyTag' } });
    expect(adopted.status).toBeLessThan(300);
    expect(adopted.body.state).toBe('adopted');
    await expect.poll(() => wallbox.registrationStatus, { timeout: 10_000 }).toBe('Accepted');
  });

  it('the API shows its vendor, model, serial number and connector statuses', async () => {
    await expect
      .poll(async () => (await system.api<ChargePointView>('/api/charge-points/GARAGE.1')).body, { timeout: 10_000 })
      .toMatchObject({
        identity: 'GARAGE.1',
        state: 'adopted',
        online: true,
        vendor: 'Voltwerk',
        model: 'VW-22',
        serialNumber: 'SN-0042',
        firmwareVersion: '1.4.2',
        status: 'Available',
        connectors: [
          { connectorId: 1, status: 'Available', errorCode: '', available: true },
          { connectorId: 2, status: 'Available', errorCode: '', available: true },
        ],
      });
  });

  it('the API is never open', async () => {
    expect((await system.api('/api/charge-points', { token: null })).status).toBe(401);
    expect((await system.api('/api/charge-points', { token: 'wrong' })).status).toBe(401);
    expect((await system.api('/api/health', { token: null })).status).toBe(200);
  });
});
