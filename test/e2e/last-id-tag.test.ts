import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedChargePoint } from '@voltstream/simulator';
import { startSystem, type System } from './support/system';
import { adoptedWallbox, chargePoint, simulatedWallbox, SLOW_MS } from './support/wallboxes';

describe('lastIdTag: scanning a card once tells the operator its id (end to end, SPEC §4)', () => {
  let system: System;
  let wallbox: SimulatedChargePoint;
  let stranger: SimulatedChargePoint;

  beforeAll(async () => {
    system = await startSystem();
    expect((await system.api('/api/tags/KNOWN-CARD', { method: 'PUT', body: { firstName: 'Kim' } })).status).toBe(201);
    expect((await system.api('/api/tags/BLOCKED-CARD', { method: 'PUT', body: { blocked: true } })).status).toBe(201);
    wallbox = await adoptedWallbox(system, 'OFFICE-3', { startMode: 'centralList' });
  });
  afterAll(async () => {
    await wallbox?.close();
    await stranger?.close();
    await system?.stop();
  });

  it('a new card scanned once is shown as lastIdTag, although it was rejected', async () => {
    expect((await wallbox.authorize('04A2B3C4D5E6F7')).idTagInfo.status).toBe('Invalid');
    await expect.poll(async () => (await chargePoint(system, 'OFFICE-3')).lastIdTag, { timeout: SLOW_MS }).toBe('04A2B3C4D5E6F7');
  });

  it('a blocked card is shown too, and so is an accepted one after it', async () => {
    expect((await wallbox.authorize('BLOCKED-CARD')).idTagInfo.status).toBe('Blocked');
    await expect.poll(async () => (await chargePoint(system, 'OFFICE-3')).lastIdTag, { timeout: SLOW_MS }).toBe('BLOCKED-CARD');
    expect((await wallbox.authorize('KNOWN-CARD')).idTagInfo.status).toBe('Accepted');
    await expect.poll(async () => (await chargePoint(system, 'OFFICE-3')).lastIdTag, { timeout: SLOW_MS }).toBe('KNOWN-CARD');
  });

  it('a card presented only with StartTransaction (no Authorize before) becomes lastIdTag', async () => {
    const started = await wallbox.startTransaction(1, 'STRAIGHT-TO-START', 0);
    expect(started.idTagInfo.status).toBe('Invalid');
    await wallbox.stopTransaction(started.transactionId, 0, undefined, 'DeAuthorized');
    await expect.poll(async () => (await chargePoint(system, 'OFFICE-3')).lastIdTag, { timeout: SLOW_MS }).toBe('STRAIGHT-TO-START');
  });

  it('a card presented to end a session (StopTransaction with idTag) becomes lastIdTag', async () => {
    const started = await wallbox.startTransaction(1, 'KNOWN-CARD', 100);
    expect(started.idTagInfo.status).toBe('Accepted');
    await wallbox.stopTransaction(started.transactionId, 200, 'STOPPING-CARD', 'Local');
    await expect.poll(async () => (await chargePoint(system, 'OFFICE-3')).lastIdTag, { timeout: SLOW_MS }).toBe('STOPPING-CARD');
  });

  it('a discovered (not adopted) charge point shows the card scanned at it as well', async () => {
    stranger = simulatedWallbox(system, 'NEW-IN-THE-YARD');
    await stranger.connect();
    expect((await stranger.boot()).status).toBe('Pending');
    expect((await stranger.authorize('FIRST-SCAN')).idTagInfo.status).toBe('Invalid');
    await expect
      .poll(async () => (await chargePoint(system, 'NEW-IN-THE-YARD')).lastIdTag, { timeout: SLOW_MS })
      .toBe('FIRST-SCAN');
  });
});
