import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '@voltstream/contracts';
import { verifyPassword } from '@voltstream/domain';
import { startTestApi, type TestApi } from '../../test-support/api-harness';

describe('charge points: adopt, update, forget (through the event log and the projection)', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ projection: true });
  });
  afterAll(() => t?.close());

  /** The gateway's part: a wallbox that is not adopted connects, boots and reports a connector. */
  async function discover(identity: string): Promise<void> {
    const at = new Date();
    await t.record(createEvent('ChargePointConnected', { connectionId: 'c1', gatewayId: 'g1' }, identity, at));
    const boot = {
      vendor: 'Acme',
      model: 'Box',
      chargePointSerialNumber: 'SN-1',
      firmwareVersion: '1.2',
      registrationStatus: 'Pending' as const,
    };
    await t.record(createEvent('ChargePointBooted', boot, identity, at));
    await t.record(createEvent('ConnectorStatusChanged', { connectorId: 1, status: 'Available', errorCode: 'NoError' }, identity, at));
  }

  const identities = async (state: string) =>
    (await t.request('GET', `/api/charge-points?state=${state}`)).body.map((cp: { identity: string }) => cp.identity);

  it('adopts a never-seen identity: publishes ChargePointAdopted and answers the row the projection wrote', async () => {
    const put = await t.request('PUT', '/api/charge-points/CP-NEW', { body: { description: 'Carport', password: 'wallbox-secret-1' } });
    expect(put.status).toBe(201);
    expect(put.body).toEqual({
      identity: 'CP-NEW',
      state: 'adopted',
      online: false,
      lastSeenAt: null,
      startMode: 'centralList',
      autoStartIdTag: null,
      vendor: null,
      model: null,
      serialNumber: null,
      firmwareVersion: null,
      lastIdTag: null,
      status: null,
      errorCode: null,
      description: 'Carport',
      passwordSet: true,
      securityProfile: 0,
      relaxations: [],
      acceptedDataTransferVendors: [],
      firmwareStatus: null,
      firmwareStatusAt: null,
      diagnosticsStatus: null,
      diagnosticsStatusAt: null,
      logStatus: null,
      logStatusAt: null,
      certificateSigningRequestId: null,
      certificateSigningStatus: null,
      certificateSigningReason: null,
      certificateSigningAt: null,
      connectors: [],
    });
    const adopted = await t.lastEvent('ChargePointAdopted', 'CP-NEW');
    expect(adopted?.data).toMatchObject({ startMode: 'centralList', description: 'Carport' });
    expect(JSON.stringify(adopted)).not.toContain('wallbox-secret-1');
    expect(await verifyPassword('wallbox-secret-1', adopted?.data.passwordHash as string)).toBe(true);
  });

  it('adopts a discovered charge point, keeping what it reported', async () => {
    await discover('CP.DISC');
    expect(await identities('discovered')).toEqual(['CP.DISC']);
    const put = await t.request('PUT', '/api/charge-points/CP.DISC', { body: { startMode: 'anyTag' } });
    expect(put.status).toBe(201);
    expect(put.body).toMatchObject({
      identity: 'CP.DISC',
      state: 'adopted',
      online: true,
      startMode: 'anyTag',
      vendor: 'Acme',
      serialNumber: 'SN-1',
      connectors: [{ connectorId: 1, status: 'Available', errorCode: '', available: true, transaction: false, transactionId: null }],
    });
    expect((await t.request('GET', '/api/charge-points?state=discovered')).body).toEqual([]);
    expect(await identities('adopted')).toEqual(['CP-NEW', 'CP.DISC']);
  });

  it('updates the fields given and keeps the others, including the password', async () => {
    await t.request('PUT', '/api/charge-points/CP-UPD', { body: { password: 'first-password-1', relaxations: ['acceptNumericStrings'] } });
    const update = await t.request('PUT', '/api/charge-points/CP-UPD', {
      body: { startMode: 'auto', autoStartIdTag: 'AUTO-1', relaxations: ['truncateOverlongStrings', 'acceptNumericStrings'] },
    });
    expect(update.status).toBe(200);
    expect(update.body).toMatchObject({
      startMode: 'auto',
      autoStartIdTag: 'AUTO-1',
      passwordSet: true,
      relaxations: ['acceptNumericStrings', 'truncateOverlongStrings'],
    });
    expect(update.body).not.toHaveProperty('password');
    const changed = await t.lastEvent('ChargePointSettingsChanged', 'CP-UPD');
    expect(await verifyPassword('first-password-1', changed?.data.passwordHash as string)).toBe(true);

    const cleared = await t.request('PUT', '/api/charge-points/CP-UPD', { body: { password: null, description: 'Shop' } });
    expect(cleared.body).toMatchObject({ passwordSet: false, description: 'Shop', startMode: 'auto' });
  });

  it('refuses start mode auto without an autoStartIdTag, and writes nothing', async () => {
    const refused = await t.request('PUT', '/api/charge-points/CP-AUTO', { body: { startMode: 'auto' } });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toEqual(['autoStartIdTag is required when startMode is auto']);
    expect(await t.lastEvent('ChargePointAdopted', 'CP-AUTO')).toBeNull();
    expect((await t.request('GET', '/api/charge-points/CP-AUTO')).status).toBe(404);
  });

  it('forgets a charge point: it is gone, with its connectors', async () => {
    await discover('CP-GONE');
    await t.request('PUT', '/api/charge-points/CP-GONE', {});
    expect((await t.request('DELETE', '/api/charge-points/CP-GONE')).status).toBe(204);
    expect(await t.lastEvent('ChargePointForgotten', 'CP-GONE')).not.toBeNull();
    expect((await t.request('GET', '/api/charge-points/CP-GONE')).status).toBe(404);
    expect((await t.request('DELETE', '/api/charge-points/CP-GONE')).status).toBe(404);
  });

  it('answers 404 for an unknown connector of a known charge point', async () => {
    const answer = await t.request('GET', '/api/charge-points/CP.DISC/connectors/7');
    expect(answer.status).toBe(404);
    expect(answer.body.message).toBe('connector 7 of charge point CP.DISC not found');
  });

  it('tells whether a known charge point needs a password to connect', async () => {
    const withPassword = await t.request('GET', '/api/connection-info?identity=CP-NEW');
    expect(withPassword.body).toMatchObject({ passwordRequired: true, state: 'adopted' });
    expect((await t.request('GET', '/api/connection-info?identity=CP.DISC')).body).toMatchObject({ passwordRequired: false });
  });

  it('sets the security profile, refusing a profile the API does not know and a Basic auth profile without password', async () => {
    const unknownProfile = await t.request('PUT', '/api/charge-points/CP-SEC', { body: { securityProfile: 4 } });
    expect(unknownProfile.status).toBe(400);
    expect(JSON.stringify(unknownProfile.body)).toContain('securityProfile');
    const withoutPassword = await t.request('PUT', '/api/charge-points/CP-SEC', { body: { securityProfile: 2 } });
    expect(withoutPassword).toMatchObject({ status: 400, body: { message: ['securityProfile 2 needs a password (HTTP Basic authentication)'] } });
    const put = await t.request('PUT', '/api/charge-points/CP-SEC', { body: { securityProfile: 2, password: 'wallbox-secret-2' } });
    expect(put.body).toMatchObject({ securityProfile: 2, passwordSet: true });
    expect((await t.lastEvent('ChargePointAdopted', 'CP-SEC'))?.data).toMatchObject({ securityProfile: 2 });
  });
});
