import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, type WallboxCommand, type WallboxCommandReply } from '@voltstream/contracts';
import { JSONCodec } from 'nats';
import { startTestApi, type TestApi } from '../../test-support/api-harness';

const CP = 'CP-GQL';
/** The gateway pod this test plays: the one that recorded the charge point's latest connection. */
const GATEWAY = 'gateway-gql';
const owner = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' };
const at = (minute: number) => new Date(Date.UTC(2026, 0, 15, 8, minute));
const codec = JSONCodec();

const CONNECTOR_FIELDS = `connectorId meterValue available status errorCode transaction transactionId
  transactionMeterStart transactionMeterEnd transactionIdTag transactionConsumption`;
const CHARGE_POINT_FIELDS = `identity state online lastSeenAt startMode autoStartIdTag vendor model serialNumber
  firmwareVersion lastIdTag status errorCode connectors { ${CONNECTOR_FIELDS} }`;
const TRANSACTION_FIELDS = `transactionId chargePointIdentity connectorId idTag tagOwner { firstName lastName email }
  authorizationStatus meterStart meterEnd consumption startedAt stoppedAt stopReason`;

interface GraphqlAnswer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON under test
}

describe('GraphQL at /graphql: the reads and commands of the REST API', () => {
  let t: TestApi;

  async function graphql(query: string, variables: object = {}, token: string | null = t.api.token): Promise<GraphqlAnswer> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token !== null) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`http://127.0.0.1:${t.api.port}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    return { status: response.status, body: await response.json() };
  }

  const errorOf = (answer: GraphqlAnswer) => answer.body.errors?.[0];

  beforeAll(async () => {
    t = await startTestApi({ projection: true });
    const connection = { connectionId: 'connection-1', gatewayId: GATEWAY };
    await t.record(createEvent('ChargePointConnected', connection, CP, at(-2)));
    await t.record(createEvent('ChargePointDisconnected', { ...connection, reason: 'closed by the charge point (1000)' }, CP, at(-1)));
    const boot = { vendor: 'Voltic', model: 'Wall-22', chargeBoxSerialNumber: 'SN-7', firmwareVersion: '1.2.3', registrationStatus: 'Accepted' as const };
    await t.record(createEvent('ChargePointBooted', boot, CP, at(0)));
    await t.record(createEvent('ConnectorStatusChanged', { connectorId: 1, status: 'Preparing', errorCode: 'NoError' }, CP, at(1)));
    const started = { transactionId: 7, connectorId: 1, idTag: 'CARD-1', meterStart: 1000, timestamp: at(2).toISOString(), authorizationStatus: 'Accepted' as const, tagOwner: owner };
    await t.record(createEvent('TransactionStarted', started, CP, at(2)));
    const sampledValue = [{ value: '1800', measurand: 'Energy.Active.Import.Register', unit: 'Wh', context: 'Sample.Periodic' }];
    await t.record(createEvent('MeterValuesReported', { connectorId: 1, transactionId: 7, meterValue: [{ timestamp: at(3).toISOString(), sampledValue }] }, CP, at(3)));
    await t.record(createEvent('TransactionStopped', { transactionId: 7, meterStop: 2500, timestamp: at(4).toISOString(), reason: 'EVDisconnected', known: true }, CP, at(4)));
  });
  afterAll(() => t?.close());

  it('refuses an operation without the bearer token, or with a wrong one, with 401 UNAUTHENTICATED', async () => {
    for (const token of [null, 'wrong']) {
      const answer = await graphql('{ chargePoints { identity } }', {}, token);
      expect(answer.status).toBe(401);
      expect(errorOf(answer).extensions.code).toBe('UNAUTHENTICATED');
      expect(answer.body.data).toBeUndefined();
    }
    expect((await graphql('{ chargePoints { identity } }')).status).toBe(200);
  });

  it('lists and shows charge points with the fields of SPEC §5', async () => {
    const answer = await graphql(`query ($identity: String!) {
      chargePoints(state: discovered) { identity }
      adopted: chargePoints(state: adopted) { identity }
      chargePoint(identity: $identity) { ${CHARGE_POINT_FIELDS} }
    }`, { identity: CP });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.chargePoints).toEqual([{ identity: CP }]);
    expect(answer.body.data.adopted).toEqual([]);
    expect(answer.body.data.chargePoint).toEqual({
      identity: CP,
      state: 'discovered',
      online: false,
      lastSeenAt: at(4).toISOString(),
      startMode: null,
      autoStartIdTag: null,
      vendor: 'Voltic',
      model: 'Wall-22',
      serialNumber: 'SN-7',
      firmwareVersion: '1.2.3',
      lastIdTag: 'CARD-1',
      status: null,
      errorCode: null,
      connectors: [
        {
          connectorId: 1,
          meterValue: 2.5,
          available: true,
          status: 'Preparing',
          errorCode: '',
          transaction: false,
          transactionId: 7,
          transactionMeterStart: 1000,
          transactionMeterEnd: 2500,
          transactionIdTag: 'CARD-1',
          transactionConsumption: 1500,
        },
      ],
    });
  });

  it('answers NOT_FOUND for an unknown charge point or transaction', async () => {
    const answer = await graphql('{ chargePoint(identity: "CP-NOPE") { identity } transaction(transactionId: 999) { transactionId } }');
    expect(answer.body.data).toEqual({ chargePoint: null, transaction: null });
    expect(answer.body.errors.map((error: { path: string[]; extensions: { code: string } }) => [error.path[0], error.extensions.code])).toEqual(
      expect.arrayContaining([['chargePoint', 'NOT_FOUND'], ['transaction', 'NOT_FOUND']]),
    );
  });

  it('pages transactions and shows one with the fields of SPEC §5 and its meter values', async () => {
    const answer = await graphql(`{
      transactions(chargePoint: "${CP}", active: false, limit: 10) { items { transactionId consumption } nextCursor }
      transaction(transactionId: 7) { ${TRANSACTION_FIELDS} meterValues { timestamp measurand value unit context transactionId } }
    }`);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.transactions).toEqual({ items: [{ transactionId: 7, consumption: 1500 }], nextCursor: null });
    expect(answer.body.data.transaction).toEqual({
      transactionId: 7,
      chargePointIdentity: CP,
      connectorId: 1,
      idTag: 'CARD-1',
      tagOwner: owner,
      authorizationStatus: 'Accepted',
      meterStart: 1000,
      meterEnd: 2500,
      consumption: 1500,
      startedAt: at(2).toISOString(),
      stoppedAt: at(4).toISOString(),
      stopReason: 'EVDisconnected',
      meterValues: [
        { timestamp: at(3).toISOString(), measurand: 'Energy.Active.Import.Register', value: 1800, unit: 'Wh', context: 'Sample.Periodic', transactionId: 7 },
      ],
    });
  });

  it('adopts a charge point with a mutation, which the REST API then shows adopted', async () => {
    const answer = await graphql(`mutation { adoptChargePoint(identity: "${CP}", input: { startMode: auto, autoStartIdTag: "AUTO-1" }) { identity state startMode autoStartIdTag } }`);
    expect(answer.body).toEqual({ data: { adoptChargePoint: { identity: CP, state: 'adopted', startMode: 'auto', autoStartIdTag: 'AUTO-1' } } });
    expect((await t.request('GET', `/api/charge-points/${CP}`)).body).toMatchObject({ state: 'adopted', startMode: 'auto' });
    expect(await t.lastEvent('ChargePointAdopted', CP)).toMatchObject({ data: { startMode: 'auto', autoStartIdTag: 'AUTO-1' } });
  });

  it('keeps the central and local tag lists', async () => {
    const saved = await graphql(`mutation {
      saveTag(idTag: "CARD-9", input: { firstName: "Grace", blocked: true }) { idTag firstName blocked expiresAt }
      saveLocalTag(identity: "${CP}", idTag: "CARD-L", input: { lastName: "Hopper" }) { idTag lastName }
    }`);
    expect(saved.body).toEqual({
      data: { saveTag: { idTag: 'CARD-9', firstName: 'Grace', blocked: true, expiresAt: null }, saveLocalTag: { idTag: 'CARD-L', lastName: 'Hopper' } },
    });
    expect((await graphql(`{ tags { idTag } localTags(identity: "${CP}") { idTag } }`)).body.data).toEqual({ tags: [{ idTag: 'CARD-9' }], localTags: [{ idTag: 'CARD-L' }] });
    const removed = await graphql(`mutation { removeTag(idTag: "CARD-9") removeLocalTag(identity: "${CP}", idTag: "CARD-L") }`);
    expect(removed.body).toEqual({ data: { removeTag: true, removeLocalTag: true } });
  });

  it('refuses a bad input with BAD_USER_INPUT naming the field, as the REST validation does', async () => {
    const tooLong = await graphql(`mutation { updateChargePoint(identity: "${CP}", input: { autoStartIdTag: "${'X'.repeat(21)}" }) { identity } }`);
    expect(errorOf(tooLong).extensions).toEqual({ code: 'BAD_USER_INPUT', reasons: ['input.autoStartIdTag must be shorter than or equal to 20 characters'] });
    const badIdentity = await graphql('mutation { reset(identity: "no spaces", type: Soft) { status } }');
    expect(errorOf(badIdentity).extensions.code).toBe('BAD_USER_INPUT');
    expect(errorOf(badIdentity).extensions.reasons).toEqual(['identity must be 1 to 48 characters of letters, digits and -_.:*']);
    const decided = await graphql(`mutation { updateChargePoint(identity: "${CP}", input: { autoStartIdTag: null }) { identity } }`);
    expect(errorOf(decided)).toMatchObject({ message: expect.stringContaining('autoStartIdTag'), extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('sets the security profile, refusing one it does not know and a Basic auth profile without password', async () => {
    const unknown = await graphql(`mutation { updateChargePoint(identity: "${CP}", input: { securityProfile: 7 }) { identity } }`);
    expect(errorOf(unknown).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reasons: [expect.stringContaining('securityProfile')] });
    const withoutPassword = await graphql(`mutation { updateChargePoint(identity: "${CP}", input: { securityProfile: 1, password: null }) { identity } }`);
    expect(errorOf(withoutPassword)).toMatchObject({ message: expect.stringContaining('securityProfile 1 needs a password'), extensions: { code: 'BAD_USER_INPUT' } });
    const raised = await graphql(`mutation { updateChargePoint(identity: "${CP}", input: { securityProfile: 3 }) { securityProfile } }`);
    expect(raised.body).toEqual({ data: { updateChargePoint: { securityProfile: 3 } } });
  });

  it('answers CONFLICT to a command for a charge point that is offline', async () => {
    const answer = await graphql(`mutation { reset(identity: "${CP}", type: Soft) { status } }`);
    expect(answer.body.data).toBeNull();
    expect(errorOf(answer)).toMatchObject({ message: `charge point ${CP} is offline`, extensions: { code: 'CONFLICT' } });
  });

  /** A test subscriber plays the gateway pod holding the charge point's connection. */
  async function playGateway(reply: (command: WallboxCommand) => WallboxCommandReply, run: () => Promise<void>): Promise<WallboxCommand[]> {
    const received: WallboxCommand[] = [];
    const gateway = t.nc.subscribe(t.subjects.command(GATEWAY, CP), {
      callback: (_error, message) => {
        const command = codec.decode(message.data) as WallboxCommand;
        received.push(command);
        message.respond(codec.encode(reply(command)));
      },
    });
    await t.nc.flush();
    try {
      await run();
    } finally {
      gateway.unsubscribe();
    }
    return received;
  }

  it('sends commands to the gateway holding the charge point and relays the answers', async () => {
    const configuration = { configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: '300' }], unknownKey: ['Nope'] };
    const received = await playGateway(
      (command) => ({ outcome: 'result', payload: command.action === 'GetConfiguration' ? configuration : { status: 'Scheduled' } }),
      async () => {
        const availability = await graphql(`mutation { changeAvailability(identity: "${CP}", connectorId: 1, available: false) { status } }`);
        expect(availability.body).toEqual({ data: { changeAvailability: { status: 'Scheduled' } } });
        const asked = await graphql(`{ getConfiguration(identity: "${CP}", key: ["HeartbeatInterval", "Nope"]) { configurationKey { key readonly value } unknownKey } }`);
        expect(asked.body).toEqual({ data: { getConfiguration: configuration } });
      },
    );
    expect(received).toEqual([
      { action: 'ChangeAvailability', payload: { connectorId: 1, type: 'Inoperative' } },
      { action: 'GetConfiguration', payload: { key: ['HeartbeatInterval', 'Nope'] } },
    ]);
  });

  it('answers GATEWAY_TIMEOUT when the charge point does not answer in time, BAD_GATEWAY with its CALLERROR', async () => {
    await playGateway(
      () => ({ outcome: 'timeout' }),
      async () => expect(errorOf(await graphql(`mutation { unlock(identity: "${CP}", connectorId: 1) { status } }`)).extensions).toEqual({ code: 'GATEWAY_TIMEOUT' }),
    );
    await playGateway(
      () => ({ outcome: 'callError', code: 'NotImplemented', description: 'no unlocking here', details: {} }),
      async () =>
        expect(errorOf(await graphql(`mutation { unlock(identity: "${CP}", connectorId: 1) { status } }`)).extensions).toEqual({
          code: 'BAD_GATEWAY',
          ocppErrorCode: 'NotImplemented',
          description: 'no unlocking here',
          details: {},
        }),
    );
  });

  it('sends ClearCache, a DataTransfer and every trigger by mutation, relaying the answers', async () => {
    const received = await playGateway(
      (command) => ({ outcome: 'result', payload: command.action === 'DataTransfer' ? { status: 'Accepted', data: 'pong' } : { status: 'Accepted' } }),
      async () => {
        expect((await graphql(`mutation { clearCache(identity: "${CP}") { status } }`)).body).toEqual({ data: { clearCache: { status: 'Accepted' } } });
        const transfer = await graphql(`mutation { dataTransfer(identity: "${CP}", vendorId: "com.example", messageId: "ping", data: "ping") { status data } }`);
        expect(transfer.body).toEqual({ data: { dataTransfer: { status: 'Accepted', data: 'pong' } } });
        const trigger = await graphql(`mutation { trigger(identity: "${CP}", message: DiagnosticsStatusNotification) { status } }`);
        expect(trigger.body).toEqual({ data: { trigger: { status: 'Accepted' } } });
      },
    );
    expect(received).toEqual([
      { action: 'ClearCache', payload: {} },
      { action: 'DataTransfer', payload: { vendorId: 'com.example', messageId: 'ping', data: 'ping' } },
      { action: 'TriggerMessage', payload: { requestedMessage: 'DiagnosticsStatusNotification' } },
    ]);
    const tooLong = await graphql(`mutation { dataTransfer(identity: "${CP}", vendorId: "${'v'.repeat(256)}") { status } }`);
    expect(errorOf(tooLong)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(JSON.stringify(errorOf(tooLong))).toContain('vendorId');
  });

  it('lists the DataTransfers a charge point sent, newest first, paged; NOT_FOUND for an unknown one', async () => {
    await t.record(createEvent('DataTransferReceived', { vendorId: 'com.example', messageId: 'm1', data: 'first', status: 'Accepted' }, CP, at(5)));
    await t.record(createEvent('DataTransferReceived', { vendorId: 'org.other' }, CP, at(6)));
    const query = (page: string) => graphql(`{ dataTransfers(identity: "${CP}"${page}) { items { vendorId messageId data status receivedAt } nextCursor } }`);
    const first = await query(', limit: 1');
    expect(first.body.data?.dataTransfers).toMatchObject({ items: [{ vendorId: 'org.other', messageId: null, data: null, status: 'UnknownVendorId', receivedAt: at(6).toISOString() }] });
    const cursor = (first.body.data?.dataTransfers as { nextCursor: string }).nextCursor;
    const second = await query(`, limit: 1, cursor: "${cursor}"`);
    expect(second.body.data?.dataTransfers).toEqual({ items: [{ vendorId: 'com.example', messageId: 'm1', data: 'first', status: 'Accepted', receivedAt: at(5).toISOString() }], nextCursor: null });
    expect(errorOf(await graphql('{ dataTransfers(identity: "NOBODY") { nextCursor } }')).extensions).toMatchObject({ code: 'NOT_FOUND' });
  });
});
