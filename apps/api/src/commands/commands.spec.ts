import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, type WallboxCommand, type WallboxCommandReply } from '@voltstream/contracts';
import { createClient } from 'graphql-ws';
import { JSONCodec, type Subscription } from 'nats';
import WebSocket from 'ws';
import { CORRELATION_ID_HEADER } from '@voltstream/nats';
import { startTestApi, type TestApi } from '../../test-support/api-harness';

const codec = JSONCodec();
const CP = 'CP-CMD';
/** The gateway pod this test plays: the one that recorded the charge point's latest connection. */
const GATEWAY = 'gateway-cmd';
const configuration = { configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: '300' }], unknownKey: ['Nope'] };

describe('commands to wallboxes (a test subscriber plays the gateway holding the connection)', () => {
  let t: TestApi;
  let gateway: Subscription | undefined;
  const received: WallboxCommand[] = [];
  const correlationIds: (string | undefined)[] = [];

  beforeAll(async () => {
    t = await startTestApi({ projection: true, env: { OCPP_CALL_TIMEOUT: '1' } });
    await t.request('PUT', `/api/charge-points/${CP}`, { body: { startMode: 'anyTag' } });
    await t.record(createEvent('ChargePointConnected', { connectionId: 'connection-1', gatewayId: GATEWAY }, CP, new Date()));
    await t.record(createEvent('ConnectorStatusChanged', { connectorId: 1, status: 'Available', errorCode: 'NoError' }, CP, new Date()));
  });
  afterEach(() => {
    gateway?.unsubscribe();
    gateway = undefined;
    received.length = 0;
    correlationIds.length = 0;
  });
  afterAll(() => t?.close());

  /** Answers every command with `reply`; null leaves it unanswered, as a gateway that hangs would. */
  async function playGateway(reply: (command: WallboxCommand) => WallboxCommandReply | null): Promise<void> {
    gateway = t.nc.subscribe(t.subjects.command(GATEWAY, CP), {
      callback: (_error, message) => {
        const command = codec.decode(message.data) as WallboxCommand;
        received.push(command);
        correlationIds.push(message.headers?.get(CORRELATION_ID_HEADER));
        const answer = reply(command);
        if (answer) message.respond(codec.encode(answer));
      },
    });
    await t.nc.flush();
  }

  const statusReply = (status: string): WallboxCommandReply => ({ outcome: 'result', payload: { status } });

  it.each(['Accepted', 'Rejected', 'Scheduled'])('relays ChangeAvailability answered %s', async (status) => {
    await playGateway(() => statusReply(status));
    const answer = await t.request('POST', `/api/charge-points/${CP}/connectors/1/availability`, { body: { available: false } });
    expect(answer).toMatchObject({ status: 200, body: { status } });
    expect(received).toEqual([{ action: 'ChangeAvailability', payload: { connectorId: 1, type: 'Inoperative' } }]);
  });

  it('asks connector 0 (the whole charge point) to become Operative', async () => {
    await playGateway(() => statusReply('Accepted'));
    expect((await t.request('POST', `/api/charge-points/${CP}/connectors/0/availability`, { body: { available: true } })).status).toBe(200);
    expect(received[0]).toEqual({ action: 'ChangeAvailability', payload: { connectorId: 0, type: 'Operative' } });
  });

  it('sends every other command as its OCPP call and relays the answer', async () => {
    await playGateway((command) =>
      command.action === 'GetConfiguration'
        ? { outcome: 'result', payload: configuration }
        : statusReply('Accepted'),
    );
    const base = `/api/charge-points/${CP}`;
    await t.request('POST', `${base}/remote-start`, { body: { idTag: 'CARD-1', connectorId: 1 } });
    await t.request('POST', `${base}/remote-stop`, { body: { transactionId: 42 } });
    await t.request('POST', `${base}/reset`, { body: { type: 'Hard' } });
    await t.request('POST', `${base}/unlock`, { body: { connectorId: 1 } });
    await t.request('POST', `${base}/trigger`, { body: { message: 'MeterValues', connectorId: 1 } });
    await t.request('PUT', `${base}/configuration/HeartbeatInterval`, { body: { value: '60' } });
    expect((await t.request('GET', `${base}/configuration?key=HeartbeatInterval,Nope`)).body).toEqual(configuration);
    expect(received).toEqual([
      { action: 'RemoteStartTransaction', payload: { idTag: 'CARD-1', connectorId: 1 } },
      { action: 'RemoteStopTransaction', payload: { transactionId: 42 } },
      { action: 'Reset', payload: { type: 'Hard' } },
      { action: 'UnlockConnector', payload: { connectorId: 1 } },
      { action: 'TriggerMessage', payload: { requestedMessage: 'MeterValues', connectorId: 1 } },
      { action: 'ChangeConfiguration', payload: { key: 'HeartbeatInterval', value: '60' } },
      { action: 'GetConfiguration', payload: { key: ['HeartbeatInterval', 'Nope'] } },
    ]);
  });

  it('answers 409 when no gateway holds the charge point, or the gateway finds it offline', async () => {
    const noResponder = await t.request('POST', `/api/charge-points/${CP}/reset`, { body: { type: 'Soft' } });
    expect(noResponder).toMatchObject({ status: 409, body: { statusCode: 409, error: 'Conflict', message: `charge point ${CP} is offline` } });
    await playGateway(() => ({ outcome: 'offline' }));
    expect((await t.request('POST', `/api/charge-points/${CP}/reset`, { body: { type: 'Soft' } })).status).toBe(409);
  });

  it('answers 504 when the charge point does not answer in time, or the gateway does not', async () => {
    await playGateway(() => ({ outcome: 'timeout' }));
    expect((await t.request('POST', `/api/charge-points/${CP}/reset`, { body: { type: 'Soft' } })).body).toEqual({
      statusCode: 504,
      error: 'Gateway Timeout',
      message: `charge point ${CP} did not answer in time`,
    });
    gateway?.unsubscribe();
    await playGateway(() => null);
    expect((await t.request('POST', `/api/charge-points/${CP}/reset`, { body: { type: 'Soft' } })).status).toBe(504);
  });

  it('answers 502 with the code and description of a CALLERROR', async () => {
    await playGateway(() => ({ outcome: 'callError', code: 'NotImplemented', description: 'no unlocking here', details: {} }));
    expect((await t.request('POST', `/api/charge-points/${CP}/unlock`, { body: { connectorId: 1 } })).body).toEqual({
      statusCode: 502,
      error: 'Bad Gateway',
      message: `charge point ${CP} answered NotImplemented: no unlocking here`,
      code: 'NotImplemented',
      description: 'no unlocking here',
      details: {},
    });
  });

  it('answers 400 when the gateway finds the call invalid for OCPP 1.6', async () => {
    await playGateway(() => ({ outcome: 'invalid', reason: 'value must be at most 500 characters' }));
    const answer = await t.request('PUT', `/api/charge-points/${CP}/configuration/Key`, { body: { value: 'x' } });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toEqual(['the request is not valid OCPP 1.6: value must be at most 500 characters']);
  });

  it('answers 404 for a charge point that never connected and is unknown, without asking any gateway', async () => {
    await playGateway(() => statusReply('Accepted'));
    const answer = await t.request('POST', '/api/charge-points/CP-NOPE/reset', { body: { type: 'Soft' } });
    expect(answer).toMatchObject({ status: 404, body: { statusCode: 404, error: 'Not Found', message: 'charge point CP-NOPE not found' } });
    expect(received).toEqual([]);
  });

  it('sends a command about a connector the read models do not know to the wallbox, which decides', async () => {
    await playGateway(() => statusReply('Rejected'));
    const answer = await t.request('POST', `/api/charge-points/${CP}/connectors/9/availability`, { body: { available: true } });
    expect(answer).toMatchObject({ status: 200, body: { status: 'Rejected' } });
    expect(received).toEqual([{ action: 'ChangeAvailability', payload: { connectorId: 9, type: 'Operative' } }]);
  });

  it('sends ClearCache and an operator DataTransfer, relaying the status and data the wallbox answered', async () => {
    await playGateway((command) =>
      command.action === 'DataTransfer' ? { outcome: 'result', payload: { status: 'Accepted', data: 'pong' } } : statusReply('Rejected'),
    );
    const base = `/api/charge-points/${CP}`;
    expect(await t.request('POST', `${base}/clear-cache`)).toMatchObject({ status: 200, body: { status: 'Rejected' } });
    const transfer = await t.request('POST', `${base}/data-transfer`, { body: { vendorId: 'com.example', messageId: 'ping', data: 'ping' } });
    expect(transfer).toMatchObject({ status: 200, body: { status: 'Accepted', data: 'pong' } });
    await t.request('POST', `${base}/data-transfer`, { body: { vendorId: 'com.example' } });
    expect(received).toEqual([
      { action: 'ClearCache', payload: {} },
      { action: 'DataTransfer', payload: { vendorId: 'com.example', messageId: 'ping', data: 'ping' } },
      { action: 'DataTransfer', payload: { vendorId: 'com.example' } },
    ]);
  });

  it.each([
    [{}, 'vendorId must be longer than or equal to 1 characters'],
    [{ vendorId: '' }, 'vendorId must be longer than or equal to 1 characters'],
    [{ vendorId: 'v'.repeat(256) }, 'vendorId must be shorter than or equal to 255 characters'],
    [{ vendorId: 'v', messageId: 'm'.repeat(51) }, 'messageId must be shorter than or equal to 50 characters'],
    [{ vendorId: 'v', data: { nested: true } }, 'data must be a string'],
  ])('refuses the DataTransfer body %j with 400 naming the field, asking no wallbox', async (body, reason) => {
    await playGateway(() => statusReply('Accepted'));
    const answer = await t.request('POST', `/api/charge-points/${CP}/data-transfer`, { body });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain(reason);
    expect(received).toEqual([]);
  });

  it('sends a command asked for by a GraphQL mutation over the WebSocket, under a correlation id of its own', async () => {
    await playGateway(() => statusReply('Unlocked'));
    const client = createClient({ url: `ws://127.0.0.1:${t.api.port}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${t.api.token}` }, retryAttempts: 0 });
    try {
      const query = `mutation { unlock(identity: "${CP}", connectorId: 1) { status } }`;
      const answers = [];
      for (let count = 0; count < 2; count++) {
        for await (const answer of client.iterate({ query })) answers.push(answer);
      }
      expect(answers).toEqual([{ data: { unlock: { status: 'Unlocked' } } }, { data: { unlock: { status: 'Unlocked' } } }]);
    } finally {
      await client.dispose();
    }
    expect(received).toEqual([{ action: 'UnlockConnector', payload: { connectorId: 1 } }, { action: 'UnlockConnector', payload: { connectorId: 1 } }]);
    expect(correlationIds[0]).toMatch(/^[\w-]{36}$/);
    expect(correlationIds[1]).toMatch(/^[\w-]{36}$/);
    expect(correlationIds[0]).not.toBe(correlationIds[1]);
  });
});
