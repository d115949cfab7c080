import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subjectsFor, type EventOf } from '@voltstream/contracts';
import { connectNats } from '@voltstream/nats';
import { CallFailedError, type SimulatedChargePoint } from '@voltstream/simulator';
import { startSystem, type System } from './support/system';
import { adoptedWallbox, chargePoint, eventually, SLOW_MS } from './support/wallboxes';
import type { ErrorBody } from './support/views';

interface SecurityEventPage {
  items: { id: number; type: string; timestamp: string; techInfo: string | null; receivedAt: string }[];
  nextCursor: string | null;
}

describe('SecurityEventNotification end to end (OCPP 1.6 security whitepaper; SPEC §10), the simulator as the wallbox', () => {
  let system: System;
  const wallboxes: SimulatedChargePoint[] = [];

  const securityEvents = (identity: string, query = '') =>
    system.api<SecurityEventPage & ErrorBody>(`/api/charge-points/${encodeURIComponent(identity)}/security-events${query}`);

  beforeAll(async () => {
    system = await startSystem();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(wallboxes.map((wallbox) => wallbox.close()));
    await system?.stop();
  });

  it('TC_078: answers a security event once stored, lists it newest first, paged, in REST and GraphQL, and publishes it on security.event.<identity>', async () => {
    const identity = 'SEC.EVENTS*1';
    const nc = await connectNats(system.env.NATS_URL, 'e2e-security-events');
    const subscription = nc.subscribe(subjectsFor(system.namespace).securityEvent(identity), { max: 2 });
    const published: EventOf<'SecurityEventReported'>[] = [];
    const delivered = (async () => {
      for await (const message of subscription) published.push(message.json<EventOf<'SecurityEventReported'>>());
    })();
    await nc.flush();

    const wallbox = await adoptedWallbox(system, identity, { startMode: 'anyTag' }, { securityEventOnBoot: 'StartupOfTheDevice' });
    wallboxes.push(wallbox);
    expect(await wallbox.securityEvent('InvalidCentralSystemCertificate', 'server certificate not trusted: unknown issuer')).toEqual({});

    const page = await eventually(async () => {
      const { status, body } = await securityEvents(identity, '?limit=1');
      expect(status).toBe(200);
      expect(body.items.map((item) => item.type)).toEqual(['InvalidCentralSystemCertificate']);
      return body;
    });
    expect(page.items[0]).toMatchObject({ techInfo: 'server certificate not trusted: unknown issuer' });
    expect(page.nextCursor).not.toBeNull();
    const rest = await securityEvents(identity, `?limit=1&cursor=${page.nextCursor}`);
    expect(rest.body).toMatchObject({ items: [{ type: 'StartupOfTheDevice', techInfo: null }], nextCursor: null });
    expect(rest.body.items[0].id).toBeLessThan(page.items[0].id);

    const graphql = await system.api<{ data?: { securityEvents: SecurityEventPage } }>('/graphql', {
      method: 'POST',
      body: { query: `{ securityEvents(identity: ${JSON.stringify(identity)}) { items { type techInfo } nextCursor } }` },
    });
    expect(graphql.body.data?.securityEvents).toEqual({
      items: [
        { type: 'InvalidCentralSystemCertificate', techInfo: 'server certificate not trusted: unknown issuer' },
        { type: 'StartupOfTheDevice', techInfo: null },
      ],
      nextCursor: null,
    });

    await Promise.race([delivered, new Promise((_, reject) => setTimeout(() => reject(new Error('no security events published')), SLOW_MS))]);
    expect(published.map(({ type, data }) => [type, data.type])).toEqual([
      ['SecurityEventReported', 'StartupOfTheDevice'],
      ['SecurityEventReported', 'InvalidCentralSystemCertificate'],
    ]);
    expect(published[1].metadata.chargePoint).toBe(identity);
    await nc.close();
  });

  it('refuses a malformed security event with the CALLERROR naming the field, and stores nothing', async () => {
    const identity = 'SEC-EVENTS-BAD';
    const wallbox = await adoptedWallbox(system, identity, { startMode: 'anyTag' });
    wallboxes.push(wallbox);
    const refusal = await wallbox.call('SecurityEventNotification', { type: 'ResetOrReboot' }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(CallFailedError);
    expect(refusal).toMatchObject({ failure: 'callError', errorCode: 'OccurenceConstraintViolation' });
    expect((refusal as Error).message).toContain('timestamp');
    const tooLong = await wallbox.call('SecurityEventNotification', { type: 'X'.repeat(51), timestamp: new Date().toISOString() }).catch((error: unknown) => error);
    expect(tooLong).toMatchObject({ errorCode: 'PropertyConstraintViolation' });

    await wallbox.securityEvent('SettingSystemTime');
    await eventually(async () => expect((await securityEvents(identity)).body.items.map((item) => item.type)).toEqual(['SettingSystemTime']));
  });

  it('answers a bad page with 400 naming the field, and an unknown charge point with 404', async () => {
    const badLimit = await securityEvents('SEC-EVENTS-BAD', '?limit=0');
    expect(badLimit.status).toBe(400);
    expect(String(badLimit.body.message)).toContain('limit');
    const badCursor = await securityEvents('SEC-EVENTS-BAD', '?cursor=nonsense');
    expect(badCursor.status).toBe(400);
    expect(String(badCursor.body.message)).toContain('cursor');
    expect((await securityEvents('NOBODY-HERE')).status).toBe(404);
  });

  describe('ExtendedTriggerMessage through the API', () => {
    const extendedTrigger = (identity: string, body: unknown) =>
      system.api<{ status: string } & ErrorBody>(`/api/charge-points/${encodeURIComponent(identity)}/extended-trigger`, { method: 'POST', body });

    it('relays the answer, and the wallbox sends the message it accepted (its log and firmware status too); one it rejects is relayed Rejected', async () => {
      const wallbox = await adoptedWallbox(system, 'SEC-TRIGGER', { startMode: 'anyTag' });
      wallboxes.push(wallbox);
      const sent: string[] = [];
      const original = wallbox.call.bind(wallbox);
      wallbox.call = (action, payload) => {
        sent.push(action);
        return original(action, payload);
      };
      expect(await extendedTrigger('SEC-TRIGGER', { requestedMessage: 'Heartbeat' })).toEqual({ status: 200, body: { status: 'Accepted' } });
      await eventually(async () => expect(sent).toContain('Heartbeat'));
      expect(await extendedTrigger('SEC-TRIGGER', { requestedMessage: 'StatusNotification', connectorId: 1 })).toEqual({ status: 200, body: { status: 'Accepted' } });
      await eventually(async () => expect(sent).toContain('StatusNotification'));
      expect(await extendedTrigger('SEC-TRIGGER', { requestedMessage: 'StatusNotification', connectorId: 5 })).toEqual({ status: 200, body: { status: 'Rejected' } });
      expect(await extendedTrigger('SEC-TRIGGER', { requestedMessage: 'LogStatusNotification' })).toEqual({ status: 200, body: { status: 'Accepted' } });
      await eventually(async () => expect(sent).toContain('LogStatusNotification'));
      expect(await extendedTrigger('SEC-TRIGGER', { requestedMessage: 'FirmwareStatusNotification' })).toEqual({ status: 200, body: { status: 'Accepted' } });
      await eventually(async () => expect(sent).toContain('SignedFirmwareStatusNotification'));

      const graphql = await system.api<{ data?: unknown }>('/graphql', {
        method: 'POST',
        body: { query: 'mutation { extendedTrigger(identity: "SEC-TRIGGER", requestedMessage: MeterValues, connectorId: 1) { status } }' },
      });
      expect(graphql.body).toEqual({ data: { extendedTrigger: { status: 'Accepted' } } });
      await eventually(async () => expect(sent).toContain('MeterValues'));
    });

    it('answers bad input with 400 naming the field, a charge point offline with 409', async () => {
      const notExtended = await extendedTrigger('SEC-TRIGGER', { requestedMessage: 'DiagnosticsStatusNotification' });
      expect(notExtended.status).toBe(400);
      expect(String(notExtended.body.message)).toContain('requestedMessage');
      const badConnector = await extendedTrigger('SEC-TRIGGER', { requestedMessage: 'StatusNotification', connectorId: 0 });
      expect(badConnector.status).toBe(400);
      expect(String(badConnector.body.message)).toContain('connectorId');

      const parked = await adoptedWallbox(system, 'SEC-TRIGGER-OFFLINE', { startMode: 'anyTag' });
      await parked.close();
      await expect.poll(async () => (await chargePoint(system, 'SEC-TRIGGER-OFFLINE')).online, { timeout: SLOW_MS }).toBe(false);
      const offline = await extendedTrigger('SEC-TRIGGER-OFFLINE', { requestedMessage: 'Heartbeat' });
      expect(offline.status).toBe(409);
      expect(String(offline.body.message)).toContain('SEC-TRIGGER-OFFLINE');
    });
  });
});
