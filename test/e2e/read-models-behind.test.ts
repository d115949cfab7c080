import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawWallbox } from './support/raw-wallbox';
import { startSystem, type System } from './support/system';
import { eventually } from './support/wallboxes';

const IDENTITY = 'YARD-FRESH';

interface CommandAnswer {
  status: string;
}

/**
 * The system without its state projection: the event log grows, the read models stand still, as
 * they would when the projection lags behind. Commands and writes must not depend on them.
 */
describe('while the read models are behind the log (end to end, no state projection running)', () => {
  let system: System;
  let wallbox: RawWallbox;

  beforeAll(async () => {
    system = await startSystem({ READ_YOUR_WRITES_WAIT_MS: '300' }, ['authorization', 'api', 'ocpp-gateway']);
    wallbox = await RawWallbox.connect(system.services.ocppUrl, IDENTITY);
  });
  afterAll(async () => {
    await wallbox?.close();
    await system?.stop();
  });

  /** The ChangeAvailability the central system sent about this connector. */
  const changeAvailabilityFor = (connectorId: number) =>
    eventually(async () => {
      const call = wallbox.received.find(
        (frame) => frame[0] === 2 && frame[2] === 'ChangeAvailability' && (frame[3] as { connectorId: number }).connectorId === connectorId,
      );
      expect(call).toBeDefined();
      return call as unknown[];
    });

  it('a command to a connector the wallbox reported a moment ago reaches it and relays its answer, never 404', async () => {
    wallbox.send([2, 'status-1', 'StatusNotification', { connectorId: 1, status: 'Available', errorCode: 'NoError' }]);
    expect((await wallbox.answerTo('status-1')).slice(0, 3)).toEqual([3, 'status-1', {}]);
    const pending = system.api<CommandAnswer>(`/api/charge-points/${IDENTITY}/connectors/1/availability`, { method: 'POST', body: { available: false } });
    wallbox.send([3, (await changeAvailabilityFor(1))[1], { status: 'Accepted' }]);
    expect(await pending).toEqual({ status: 200, body: { status: 'Accepted' } });
    expect((await system.api(`/api/charge-points/${IDENTITY}`)).status).toBe(404);
  });

  it('a command to a connector the wallbox never reported goes to it too: the wallbox decides', async () => {
    const pending = system.api<CommandAnswer>(`/api/charge-points/${IDENTITY}/connectors/9/availability`, { method: 'POST', body: { available: false } });
    wallbox.send([3, (await changeAvailabilityFor(9))[1], { status: 'Rejected' }]);
    expect(await pending).toEqual({ status: 200, body: { status: 'Rejected' } });
  });

  it('a write the read models do not show in time is 202 with the Location to GET', async () => {
    const adopted = await system.api<{ location: string }>(`/api/charge-points/${IDENTITY}`, { method: 'PUT', body: { startMode: 'anyTag' } });
    expect(adopted).toMatchObject({ status: 202, body: { location: `/api/charge-points/${IDENTITY}` } });
  });
});
