import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import ocpp16Schemas from 'ocpp-rpc/lib/schemas/ocpp1_6.json';
import { CallFailedError, Fleet, HandshakeRefusedError, SimulatedChargePoint, type ChargePointOptions, type Payload } from './index';

/** What the test central system answers to a call: a payload, a CALLERROR, or nothing yet. */
type Answer = Payload | { callError: string } | 'hold';
type Responder = (payload: Payload, identity: string) => Answer;

interface Received {
  identity: string;
  action: string;
  payload: Payload;
  /** How many calls of this wallbox the server had answered when this one arrived. */
  answeredBefore: number;
}

interface Held {
  identity: string;
  action: string;
  release(answer: Payload): void;
}

interface Handshake {
  identity: string;
  protocol: string | undefined;
  authorization: string | undefined;
  remoteAddress: string | undefined;
}

function compileSchemas(): Map<string, ValidateFunction> {
  const ajv = new Ajv({ strict: false });
  addFormats(ajv);
  // The schemas' `urn:` ids are not resolvable URIs for ajv; they are only needed as names.
  return new Map(ocpp16Schemas.map(({ $id, ...schema }) => [$id.replace('urn:', ''), ajv.compile(schema)]));
}

const schemas = compileSchemas();

/**
 * The test's counterpart: a small OCPP 1.6J central system on port 0. It checks every frame of
 * the simulator against the official OCPP 1.6 JSON schemas and records what arrived.
 */
class TestCsms {
  readonly received: Received[] = [];
  readonly handshakes: Handshake[] = [];
  readonly held: Held[] = [];
  readonly schemaViolations: string[] = [];
  readonly passwords = new Map<string, string>();
  readonly sockets = new Map<string, WebSocket>();
  readonly responders = new Map<string, Responder>();
  private readonly answered = new Map<string, number>();
  private readonly pendingCalls = new Map<string, { action: string; resolve: (frame: unknown[]) => void }>();
  private lastTransactionId = 0;
  private lastUniqueId = 0;
  private readonly server: WebSocketServer;

  constructor() {
    this.server = new WebSocketServer({
      port: 0,
      host: '0.0.0.0',
      verifyClient: (info, done) => this.verify(info.req, done),
      handleProtocols: (offered) => (offered.has('ocpp1.6') ? 'ocpp1.6' : false),
    });
    this.server.on('connection', (socket, request) => this.accept(socket, request));
    this.useDefaultResponders();
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/ocpp`;
  }

  async ready(): Promise<void> {
    if (this.server.address()) return;
    await new Promise((resolve) => this.server.once('listening', resolve));
  }

  async close(): Promise<void> {
    for (const socket of this.server.clients) socket.terminate();
    await new Promise((resolve) => this.server.close(resolve));
  }

  respond(action: string, responder: Responder): void {
    this.responders.set(action, responder);
  }

  actions(identity: string): string[] {
    return this.of(identity).map((call) => call.action);
  }

  of(identity: string, action?: string): Received[] {
    return this.received.filter((call) => call.identity === identity && (!action || call.action === action));
  }

  /** Connector id and status of each StatusNotification, e.g. `1:Charging`. */
  statuses(identity: string): string[] {
    return this.of(identity, 'StatusNotification').map(({ payload }) => `${payload.connectorId}:${payload.status}`);
  }

  /** A CALL from the central system to a wallbox; resolves with the wallbox's answer frame. */
  call(identity: string, action: string, payload: Payload): Promise<unknown[]> {
    const socket = this.sockets.get(identity);
    if (!socket) throw new Error(`${identity} is not connected`);
    const uniqueId = `csms-${++this.lastUniqueId}`;
    return new Promise((resolve) => {
      this.pendingCalls.set(uniqueId, { action, resolve });
      socket.send(JSON.stringify([2, uniqueId, action, payload]));
    });
  }

  /** Calls and returns the CALLRESULT payload, failing the test on a CALLERROR. */
  async callForResult(identity: string, action: string, payload: Payload): Promise<Payload> {
    const frame = await this.call(identity, action, payload);
    expect(frame[0], `answer to ${action}: ${JSON.stringify(frame)}`).toBe(3);
    return frame[2] as Payload;
  }

  private useDefaultResponders(): void {
    const now = (): string => new Date().toISOString();
    const accepted = { idTagInfo: { status: 'Accepted' } };
    this.respond('BootNotification', () => ({ status: 'Accepted', currentTime: now(), interval: 300 }));
    this.respond('Heartbeat', () => ({ currentTime: now() }));
    this.respond('StatusNotification', () => ({}));
    this.respond('MeterValues', () => ({}));
    this.respond('Authorize', () => accepted);
    this.respond('StartTransaction', () => ({ transactionId: ++this.lastTransactionId, ...accepted }));
    this.respond('StopTransaction', () => accepted);
  }

  private verify(request: IncomingMessage, done: (ok: boolean, status?: number, reason?: string) => void): void {
    const identity = decodeURIComponent(request.url?.split('/').pop() ?? '');
    const offered = request.headers['sec-websocket-protocol'];
    if (offered && !offered.split(',').some((protocol) => protocol.trim() === 'ocpp1.6')) return done(false, 400, 'Unsupported subprotocol');
    const password = this.passwords.get(identity);
    const expected = password === undefined ? undefined : `Basic ${Buffer.from(`${identity}:${password}`).toString('base64')}`;
    if (expected && request.headers.authorization !== expected) return done(false, 401, 'Unauthorized');
    done(true);
  }

  private accept(socket: WebSocket, request: IncomingMessage): void {
    const identity = decodeURIComponent(request.url?.split('/').pop() ?? '');
    this.handshakes.push({
      identity,
      protocol: socket.protocol || undefined,
      authorization: request.headers.authorization,
      remoteAddress: request.socket.remoteAddress,
    });
    this.sockets.set(identity, socket);
    socket.on('message', (data) => this.onFrame(identity, socket, JSON.parse(data.toString()) as unknown[]));
  }

  private onFrame(identity: string, socket: WebSocket, frame: unknown[]): void {
    if (frame[0] === 2) return this.onCall(identity, socket, frame);
    const pending = this.pendingCalls.get(frame[1] as string);
    if (!pending) return;
    this.pendingCalls.delete(frame[1] as string);
    if (frame[0] === 3) this.check(`${pending.action}.conf`, frame[2]);
    pending.resolve(frame);
  }

  private onCall(identity: string, socket: WebSocket, [, uniqueId, action, payload]: unknown[]): void {
    const call = { identity, action: action as string, payload: payload as Payload, answeredBefore: this.answered.get(identity) ?? 0 };
    this.received.push(call);
    this.check(`${call.action}.req`, payload);
    const send = (frame: unknown[]): void => {
      this.answered.set(identity, (this.answered.get(identity) ?? 0) + 1);
      socket.send(JSON.stringify(frame));
    };
    const answer = this.responders.get(call.action)?.(call.payload, identity) ?? { callError: 'NotImplemented' };
    if (answer === 'hold') {
      this.held.push({ identity, action: call.action, release: (result) => send([3, uniqueId, result]) });
      return;
    }
    if ('callError' in answer) return send([4, uniqueId, answer.callError, 'refused by the test', {}]);
    send([3, uniqueId, answer]);
  }

  private check(schema: string, payload: unknown): void {
    const validate = schemas.get(schema);
    if (!validate) return void this.schemaViolations.push(`${schema}: no such OCPP 1.6 message`);
    if (!validate(payload)) this.schemaViolations.push(`${schema}: ${JSON.stringify(validate.errors)}`);
  }
}

let csms: TestCsms;
const wallboxes: SimulatedChargePoint[] = [];

function wallbox(options: Partial<ChargePointOptions> = {}): SimulatedChargePoint {
  const cp = new SimulatedChargePoint({ url: csms.url, identity: `CP-${wallboxes.length + 1}`, connectors: 2, callTimeoutMs: 2000, ...options });
  wallboxes.push(cp);
  return cp;
}

function changeSetting(cp: SimulatedChargePoint, key: string, value: string): void {
  const entry = cp.configuration.get(key);
  if (!entry) throw new Error(`no configuration key ${key}`);
  entry.value = value;
}

async function bootedWallbox(options: Partial<ChargePointOptions> = {}): Promise<SimulatedChargePoint> {
  const cp = wallbox(options);
  await cp.connect();
  await cp.bootAndReport();
  return cp;
}

beforeEach(async () => {
  csms = new TestCsms();
  await csms.ready();
});

afterEach(async () => {
  await Promise.all(wallboxes.splice(0).map((cp) => cp.close()));
  await csms.close();
  expect(csms.schemaViolations).toEqual([]);
});

describe('handshake', () => {
  it('offers ocpp1.6 and sends Basic credentials of identity:password to /ocpp/<identity>', async () => {
    csms.passwords.set('CP 1/a', 's3cret');
    await wallbox({ identity: 'CP 1/a', password: 's3cret' }).connect();
    expect(csms.handshakes).toEqual([
      expect.objectContaining({ identity: 'CP 1/a', protocol: 'ocpp1.6', authorization: `Basic ${Buffer.from('CP 1/a:s3cret').toString('base64')}` }),
    ]);
  });

  it('offers no subprotocol when given an empty list', async () => {
    const cp = wallbox({ protocols: [] });
    await cp.connect();
    expect(cp.online).toBe(true);
    expect(csms.handshakes[0].protocol).toBeUndefined();
  });

  it('rejects connect() with the HTTP status of a refused handshake', async () => {
    csms.passwords.set('CP-1', 'right');
    const wrongPassword = wallbox({ identity: 'CP-1', password: 'wrong' }).connect();
    await expect(wrongPassword).rejects.toBeInstanceOf(HandshakeRefusedError);
    await expect(wrongPassword).rejects.toMatchObject({ statusCode: 401 });
    await expect(wallbox({ protocols: ['ocpp2.0.1'] }).connect()).rejects.toMatchObject({ statusCode: 400 });
  });

  it('connects from the given source address', async () => {
    await wallbox({ localAddress: '127.0.0.2' }).connect();
    expect(csms.handshakes[0].remoteAddress).toMatch(/127\.0\.0\.2$/);
  });
});

describe('boot', () => {
  it('boots, reports connector 0 and each connector Available, then heartbeats at the interval', async () => {
    csms.respond('BootNotification', () => ({ status: 'Accepted', currentTime: new Date().toISOString(), interval: 1 }));
    const booted: unknown[] = [];
    const cp = wallbox({ vendor: 'Acme', model: 'Wallbox 2', serialNumber: 'SN-7' });
    cp.on('booted', (conf) => booted.push(conf));
    await cp.connect();
    const conf = await cp.boot();
    expect(conf.status).toBe('Accepted');
    expect(cp.registrationStatus).toBe('Accepted');
    expect(booted).toEqual([conf]);
    await expect.poll(() => csms.actions('CP-1'), { timeout: 5000 }).toContain('Heartbeat');
    expect(csms.actions('CP-1').slice(0, 5)).toEqual(['BootNotification', 'StatusNotification', 'StatusNotification', 'StatusNotification', 'Heartbeat']);
    expect(csms.statuses('CP-1')).toEqual(['0:Available', '1:Available', '2:Available']);
    expect(csms.of('CP-1', 'BootNotification')[0].payload).toEqual({ chargePointVendor: 'Acme', chargePointModel: 'Wallbox 2', chargePointSerialNumber: 'SN-7' });
  });

  it('sends nothing but its BootNotification while Pending', async () => {
    csms.respond('BootNotification', () => ({ status: 'Pending', currentTime: new Date().toISOString(), interval: 300 }));
    const cp = wallbox();
    await cp.connect();
    expect(await cp.bootAndReport()).toMatchObject({ status: 'Pending' });
    expect(cp.registrationStatus).toBe('Pending');
    expect(csms.actions('CP-1')).toEqual(['BootNotification']);
  });

  it('boots again after the interval of a Pending answer, and reports once Accepted', async () => {
    let boots = 0;
    csms.respond('BootNotification', () => ({ status: ++boots === 1 ? 'Pending' : 'Accepted', currentTime: new Date().toISOString(), interval: 1 }));
    const cp = wallbox();
    await cp.connect();
    await cp.boot();
    await expect.poll(() => cp.registrationStatus, { timeout: 5000 }).toBe('Accepted');
    await expect.poll(() => csms.actions('CP-1').slice(0, 5)).toEqual(['BootNotification', 'BootNotification', 'StatusNotification', 'StatusNotification', 'StatusNotification']);
  });
});

describe('calls to the central system', () => {
  it('keeps one call in flight: the next is sent only after the previous was answered', async () => {
    csms.respond('Authorize', () => 'hold');
    const cp = wallbox();
    await cp.connect();
    const answers = Promise.all(['A', 'B', 'C'].map((idTag) => cp.authorize(idTag)));
    for (let answered = 0; answered < 3; answered++) {
      await expect.poll(() => csms.held.length).toBe(answered + 1);
      expect(csms.of('CP-1', 'Authorize')).toHaveLength(answered + 1);
      csms.held[answered].release({ idTagInfo: { status: answered === 1 ? 'Blocked' : 'Accepted' } });
    }
    expect((await answers).map((answer) => answer.idTagInfo.status)).toEqual(['Accepted', 'Blocked', 'Accepted']);
    expect(csms.of('CP-1', 'Authorize').map((call) => [call.payload.idTag, call.answeredBefore])).toEqual([
      ['A', 0],
      ['B', 1],
      ['C', 2],
    ]);
  });

  it('rejects a call that is not answered in time and goes on with the next', async () => {
    csms.respond('Authorize', () => 'hold');
    const cp = wallbox({ callTimeoutMs: 150 });
    await cp.connect();
    const late = cp.authorize('A');
    const next = cp.heartbeat();
    await expect(late).rejects.toMatchObject({ failure: 'timeout', action: 'Authorize' });
    csms.held[0].release({ idTagInfo: { status: 'Accepted' } });
    await expect(next).resolves.toHaveProperty('currentTime');
  });

  it('rejects with a CallFailedError carrying the code of a CALLERROR', async () => {
    csms.respond('DataTransfer', () => ({ callError: 'NotSupported' }));
    const cp = wallbox();
    await cp.connect();
    const refused = cp.call('DataTransfer', { vendorId: 'acme' });
    await expect(refused).rejects.toBeInstanceOf(CallFailedError);
    await expect(refused).rejects.toMatchObject({ failure: 'callError', errorCode: 'NotSupported' });
  });

  it('rejects pending calls when the connection closes, and calls made while offline', async () => {
    csms.respond('Authorize', () => 'hold');
    const cp = wallbox();
    await cp.connect();
    const pending = cp.authorize('A');
    await expect.poll(() => csms.held.length).toBe(1);
    csms.sockets.get('CP-1')?.terminate();
    await expect(pending).rejects.toMatchObject({ failure: 'offline' });
    await expect(cp.heartbeat()).rejects.toMatchObject({ failure: 'offline' });
  });

  it('sends raw text as it is', async () => {
    const raw: string[] = [];
    const cp = wallbox();
    await cp.connect();
    csms.sockets.get('CP-1')?.on('message', (data) => raw.push(data.toString()));
    cp.sendRaw('[2,"x","Heartbeat",{}]');
    await expect.poll(() => raw).toEqual(['[2,"x","Heartbeat",{}]']);
  });

  it('reconnects and boots again after a dropped connection when autoReconnect is on', async () => {
    const cp = await bootedWallbox({ autoReconnect: true, reconnectDelayMs: 50 });
    csms.sockets.get('CP-1')?.terminate();
    await expect.poll(() => csms.of('CP-1', 'BootNotification').length).toBe(2);
    expect(csms.handshakes).toHaveLength(2);
    await expect.poll(() => cp.online).toBe(true);
  });
});

describe('answers to the central system', () => {
  it('emits each call and remembers the last one', async () => {
    const cp = await bootedWallbox();
    const seen: unknown[] = [];
    cp.on('call', (call) => seen.push(call));
    await csms.callForResult('CP-1', 'ClearCache', {});
    expect(seen).toEqual([{ action: 'ClearCache', payload: {} }]);
    expect(cp.lastCallFromCsms).toEqual({ action: 'ClearCache', payload: {} });
  });

  it('TriggerMessage: accepts and then sends the requested message', async () => {
    await bootedWallbox();
    expect(await csms.callForResult('CP-1', 'TriggerMessage', { requestedMessage: 'BootNotification' })).toEqual({ status: 'Accepted' });
    await expect.poll(() => csms.of('CP-1', 'BootNotification').length).toBe(2);
    expect(await csms.callForResult('CP-1', 'TriggerMessage', { requestedMessage: 'StatusNotification', connectorId: 2 })).toEqual({ status: 'Accepted' });
    await expect.poll(() => csms.statuses('CP-1').at(-1)).toBe('2:Available');
    expect(await csms.callForResult('CP-1', 'TriggerMessage', { requestedMessage: 'Heartbeat' })).toEqual({ status: 'Accepted' });
    await expect.poll(() => csms.actions('CP-1')).toContain('Heartbeat');
    expect(await csms.callForResult('CP-1', 'TriggerMessage', { requestedMessage: 'MeterValues', connectorId: 1 })).toEqual({ status: 'Accepted' });
    await expect.poll(() => csms.of('CP-1', 'MeterValues').map(({ payload }) => payload.meterValue)).toEqual([
      [{ timestamp: expect.any(String), sampledValue: [{ value: '0', context: 'Trigger', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] }],
    ]);
  });

  it('TriggerMessage: sends the diagnostics and firmware status (Idle), Rejected for a connector it lacks', async () => {
    await bootedWallbox();
    expect(await csms.callForResult('CP-1', 'TriggerMessage', { requestedMessage: 'DiagnosticsStatusNotification' })).toEqual({ status: 'Accepted' });
    expect(await csms.callForResult('CP-1', 'TriggerMessage', { requestedMessage: 'FirmwareStatusNotification' })).toEqual({ status: 'Accepted' });
    await expect.poll(() => csms.actions('CP-1').slice(-2)).toEqual(['DiagnosticsStatusNotification', 'FirmwareStatusNotification']);
    expect(csms.of('CP-1', 'FirmwareStatusNotification')[0].payload).toEqual({ status: 'Idle' });
    expect(await csms.callForResult('CP-1', 'TriggerMessage', { requestedMessage: 'StatusNotification', connectorId: 3 })).toEqual({ status: 'Rejected' });
  });

  it('ExtendedTriggerMessage LogStatusNotification and FirmwareStatusNotification: Accepted, then the status now — Idle when nothing runs', async () => {
    const cp = await bootedWallbox();
    csms.respond('LogStatusNotification', () => ({}));
    csms.respond('SignedFirmwareStatusNotification', () => ({}));
    expect(await csms.callForResult('CP-1', 'ExtendedTriggerMessage', { requestedMessage: 'LogStatusNotification' })).toEqual({ status: 'Accepted' });
    expect(await csms.callForResult('CP-1', 'ExtendedTriggerMessage', { requestedMessage: 'FirmwareStatusNotification' })).toEqual({ status: 'Accepted' });
    await expect.poll(() => csms.actions('CP-1').slice(-2)).toEqual(['LogStatusNotification', 'SignedFirmwareStatusNotification']);
    expect(csms.of('CP-1', 'LogStatusNotification').map(({ payload }) => payload)).toEqual([{ status: 'Idle' }]);
    expect(csms.of('CP-1', 'SignedFirmwareStatusNotification').map(({ payload }) => payload)).toEqual([{ status: 'Idle' }]);

    cp.procedures.logUpload.note('Uploading', 7);
    expect(await csms.callForResult('CP-1', 'ExtendedTriggerMessage', { requestedMessage: 'LogStatusNotification' })).toEqual({ status: 'Accepted' });
    await expect.poll(() => csms.of('CP-1', 'LogStatusNotification').at(-1)?.payload).toEqual({ status: 'Uploading', requestId: 7 });
  });

  it('ChangeAvailability: turns a connector Unavailable and back, reporting each change', async () => {
    const cp = await bootedWallbox();
    expect(await csms.callForResult('CP-1', 'ChangeAvailability', { connectorId: 1, type: 'Inoperative' })).toEqual({ status: 'Accepted' });
    await expect.poll(() => csms.statuses('CP-1').at(-1)).toBe('1:Unavailable');
    expect(cp.connectorStatus(1)).toBe('Unavailable');
    expect(await csms.callForResult('CP-1', 'ChangeAvailability', { connectorId: 1, type: 'Operative' })).toEqual({ status: 'Accepted' });
    await expect.poll(() => csms.statuses('CP-1').at(-1)).toBe('1:Available');
    expect(await csms.callForResult('CP-1', 'ChangeAvailability', { connectorId: 5, type: 'Operative' })).toEqual({ status: 'Rejected' });
  });

  it('ChangeAvailability: Scheduled while a transaction runs, applied when it ends', async () => {
    const cp = await bootedWallbox();
    await cp.beginTransaction(1, 'TAG-1');
    expect(await csms.callForResult('CP-1', 'ChangeAvailability', { connectorId: 0, type: 'Inoperative' })).toEqual({ status: 'Scheduled' });
    await expect.poll(() => cp.connectorStatus(2)).toBe('Unavailable');
    expect(cp.connectorStatus(1)).toBe('Charging');
    await cp.finishTransaction(1);
    expect(csms.statuses('CP-1').slice(-2)).toEqual(['1:Finishing', '1:Unavailable']);
  });

  it('RemoteStartTransaction: Accepted, then Preparing → StartTransaction → Charging', async () => {
    const cp = await bootedWallbox();
    expect(await csms.callForResult('CP-1', 'RemoteStartTransaction', { idTag: 'REMOTE', connectorId: 2 })).toEqual({ status: 'Accepted' });
    await expect.poll(() => cp.connectorStatus(2)).toBe('Charging');
    expect(csms.actions('CP-1').slice(-3)).toEqual(['StatusNotification', 'StartTransaction', 'StatusNotification']);
    expect(csms.statuses('CP-1').slice(-2)).toEqual(['2:Preparing', '2:Charging']);
    expect(csms.of('CP-1', 'StartTransaction')[0].payload).toMatchObject({ connectorId: 2, idTag: 'REMOTE', meterStart: 0 });
    expect(await csms.callForResult('CP-1', 'RemoteStartTransaction', { idTag: 'REMOTE', connectorId: 2 })).toEqual({ status: 'Rejected' });
  });

  it('SetChargingProfile, GetCompositeSchedule, ClearChargingProfile: stacked as OCPP 1.6 §3.13 says, a TxProfile only for the running transaction', async () => {
    const cp = await bootedWallbox();
    const { transactionId } = await cp.beginTransaction(1, 'TAG-1');
    const profile = (chargingProfileId: number, chargingProfilePurpose: string, limit: number, extra: object = {}) => ({
      chargingProfileId,
      stackLevel: 0,
      chargingProfilePurpose,
      chargingProfileKind: 'Relative',
      chargingSchedule: { chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit }] },
      ...extra,
    });
    const set = (connectorId: number, csChargingProfiles: object) => csms.callForResult('CP-1', 'SetChargingProfile', { connectorId, csChargingProfiles });
    expect(await set(1, profile(1, 'TxDefaultProfile', 11_000))).toEqual({ status: 'Accepted' });
    expect(await set(1, profile(2, 'TxProfile', 3_700, { transactionId: transactionId + 1, stackLevel: 1 }))).toEqual({ status: 'Rejected' });
    expect(await set(1, profile(2, 'TxProfile', 3_700, { transactionId, stackLevel: 1 }))).toEqual({ status: 'Accepted' });
    expect(await set(1, profile(3, 'ChargePointMaxProfile', 2_000))).toEqual({ status: 'Rejected' });
    const composite = await csms.callForResult('CP-1', 'GetCompositeSchedule', { connectorId: 1, duration: 60, chargingRateUnit: 'W' });
    expect(composite).toMatchObject({ status: 'Accepted', connectorId: 1, chargingSchedule: { duration: 60, chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 3_700 }] } });
    expect(await csms.callForResult('CP-1', 'GetCompositeSchedule', { connectorId: 3, duration: 60 })).toEqual({ status: 'Rejected' });
    expect(await csms.callForResult('CP-1', 'ClearChargingProfile', { id: 2 })).toEqual({ status: 'Accepted' });
    expect(await csms.callForResult('CP-1', 'ClearChargingProfile', { id: 2 })).toEqual({ status: 'Unknown' });
    expect(cp.powerLimitW(1)).toBe(11_000);
  });

  it('limits the power and energy of a charging session to its composite schedule, and reports the power when configured to', async () => {
    const cp = await bootedWallbox();
    cp.configuration.set('MeterValuesSampledData', { value: 'Energy.Active.Import.Register,Power.Active.Import', readonly: false, kind: 'text' });
    const txDefault = { chargingProfileId: 1, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Relative', chargingSchedule: { chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 36_000 }] } };
    expect(await csms.callForResult('CP-1', 'SetChargingProfile', { connectorId: 0, csChargingProfiles: txDefault })).toEqual({ status: 'Accepted' });
    // Planned: 100 Wh per 50 ms (7.2 MW); allowed: 36 kW, 0.5 Wh per 50 ms.
    const result = await cp.plugInAndCharge({ connectorId: 1, idTag: 'TAG-1', wh: 300, samples: 3, meterIntervalMs: 50 });
    const sampled = csms.of('CP-1', 'MeterValues').map(({ payload }) => (payload.meterValue as { sampledValue: Payload[] }[])[0].sampledValue);
    expect(sampled.map((values) => values.map(({ measurand, value }) => `${measurand as string}=${value as string}`))).toEqual([
      ['Energy.Active.Import.Register=0', 'Power.Active.Import=36000'],
      ['Energy.Active.Import.Register=1', 'Power.Active.Import=36000'],
      ['Energy.Active.Import.Register=1', 'Power.Active.Import=36000'],
    ]);
    expect(result.answers.stopTransaction).toBeDefined();
    expect(csms.of('CP-1', 'StopTransaction')[0].payload).toMatchObject({ meterStop: 1 });
  });

  it('RemoteStopTransaction: stops a running transaction, rejects an unknown one', async () => {
    const cp = await bootedWallbox();
    const { transactionId } = await cp.beginTransaction(1, 'TAG-1');
    expect(await csms.callForResult('CP-1', 'RemoteStopTransaction', { transactionId: transactionId + 100 })).toEqual({ status: 'Rejected' });
    expect(await csms.callForResult('CP-1', 'RemoteStopTransaction', { transactionId })).toEqual({ status: 'Accepted' });
    await expect.poll(() => csms.statuses('CP-1').slice(-2)).toEqual(['1:Finishing', '1:Available']);
    expect(csms.of('CP-1', 'StopTransaction')[0].payload).toMatchObject({ transactionId, meterStop: 0, reason: 'Remote' });
    expect(cp.transactionOn(1)).toBeUndefined();
  });

  it('Reset: accepts, stops transactions, reconnects and boots again', async () => {
    const cp = await bootedWallbox();
    await cp.beginTransaction(1, 'TAG-1');
    const closes: unknown[] = [];
    cp.on('close', (info) => closes.push(info));
    expect(await csms.callForResult('CP-1', 'Reset', { type: 'Soft' })).toEqual({ status: 'Accepted' });
    await expect.poll(() => csms.of('CP-1', 'BootNotification').length).toBe(2);
    expect(csms.of('CP-1', 'StopTransaction')[0].payload).toMatchObject({ reason: 'SoftReset' });
    expect(csms.handshakes).toHaveLength(2);
    expect(closes).toEqual([{ code: 1001, reason: '' }]);
    await expect.poll(() => csms.statuses('CP-1').slice(-3)).toEqual(['0:Available', '1:Available', '2:Available']);
  });

  it('UnlockConnector: NotSupported with a fixed cable, UnlockFailed with a lock that fails', async () => {
    await bootedWallbox({ cableLock: 'fixedCable' });
    expect(await csms.callForResult('CP-1', 'UnlockConnector', { connectorId: 1 })).toEqual({ status: 'NotSupported' });
    await bootedWallbox({ cableLock: 'unlockFails' });
    expect(await csms.callForResult('CP-2', 'UnlockConnector', { connectorId: 1 })).toEqual({ status: 'UnlockFailed' });
  });

  it('a power loss: the connection drops, then it boots and ends the transaction it ran with reason PowerLoss', async () => {
    const cp = await bootedWallbox();
    const { transactionId } = await cp.beginTransaction(1, 'TAG-1');
    await cp.reboot('PowerLoss');
    expect(csms.actions('CP-1').filter((action) => action === 'BootNotification' || action === 'StopTransaction')).toEqual([
      'BootNotification',
      'BootNotification',
      'StopTransaction',
    ]);
    expect(csms.of('CP-1', 'StopTransaction')[0].payload).toMatchObject({ transactionId, reason: 'PowerLoss' });
    expect(cp.transactionOn(1)).toBeUndefined();
  });

  it('UnlockConnector: Unlocked, ending a transaction running there', async () => {
    const cp = await bootedWallbox();
    expect(await csms.callForResult('CP-1', 'UnlockConnector', { connectorId: 2 })).toEqual({ status: 'Unlocked' });
    await cp.beginTransaction(1, 'TAG-1');
    expect(await csms.callForResult('CP-1', 'UnlockConnector', { connectorId: 1 })).toEqual({ status: 'Unlocked' });
    await expect.poll(() => csms.of('CP-1', 'StopTransaction').map(({ payload }) => payload.reason)).toEqual(['UnlockCommand']);
  });

  it('GetConfiguration: every key, or the asked ones and the unknown rest', async () => {
    await bootedWallbox();
    const all = await csms.callForResult('CP-1', 'GetConfiguration', {});
    expect(all.configurationKey).toEqual(
      expect.arrayContaining([
        { key: 'HeartbeatInterval', readonly: false, value: '300' },
        { key: 'MeterValueSampleInterval', readonly: false, value: '60' },
        { key: 'NumberOfConnectors', readonly: true, value: '2' },
      ]),
    );
    expect(await csms.callForResult('CP-1', 'GetConfiguration', { key: ['HeartbeatInterval', 'Nonsense'] })).toEqual({
      configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: '300' }],
      unknownKey: ['Nonsense'],
    });
  });

  it('ChangeConfiguration: Accepted for writable keys, Rejected for read-only or bad values, NotSupported for unknown', async () => {
    await bootedWallbox();
    const change = (key: string, value: string): Promise<Payload> => csms.callForResult('CP-1', 'ChangeConfiguration', { key, value });
    expect(await change('MeterValueSampleInterval', '15')).toEqual({ status: 'Accepted' });
    expect(await change('NumberOfConnectors', '4')).toEqual({ status: 'Rejected' });
    expect(await change('HeartbeatInterval', 'often')).toEqual({ status: 'Rejected' });
    expect(await change('Nonsense', '1')).toEqual({ status: 'NotSupported' });
    const read = await csms.callForResult('CP-1', 'GetConfiguration', { key: ['MeterValueSampleInterval'] });
    expect(read.configurationKey).toEqual([{ key: 'MeterValueSampleInterval', readonly: false, value: '15' }]);
  });

  it('heartbeats at a HeartbeatInterval changed by the central system', async () => {
    await bootedWallbox();
    expect(await csms.callForResult('CP-1', 'ChangeConfiguration', { key: 'HeartbeatInterval', value: '1' })).toEqual({ status: 'Accepted' });
    await expect.poll(() => csms.actions('CP-1'), { timeout: 5000 }).toContain('Heartbeat');
  });

  it('ClearCache: Accepted; DataTransfer: UnknownVendorId', async () => {
    await bootedWallbox();
    expect(await csms.callForResult('CP-1', 'ClearCache', {})).toEqual({ status: 'Accepted' });
    expect(await csms.callForResult('CP-1', 'DataTransfer', { vendorId: 'acme', messageId: 'x' })).toEqual({ status: 'UnknownVendorId' });
  });

  it('sends its DataTransfer after each accepted boot, once its statuses are reported', async () => {
    csms.respond('DataTransfer', () => ({ status: 'Accepted' }));
    await bootedWallbox({ dataTransferOnBoot: { vendorId: 'acme', messageId: 'hello', data: 'world' } });
    expect(csms.actions('CP-1').slice(-2)).toEqual(['StatusNotification', 'DataTransfer']);
    expect(csms.of('CP-1', 'DataTransfer')[0].payload).toEqual({ vendorId: 'acme', messageId: 'hello', data: 'world' });
  });

  it('DataTransfer: Accepted, echoing the data, from a vendor it is configured to know', async () => {
    await bootedWallbox({ dataTransferVendors: ['acme'] });
    expect(await csms.callForResult('CP-1', 'DataTransfer', { vendorId: 'acme', data: 'ping' })).toEqual({ status: 'Accepted', data: 'ping' });
    expect(await csms.callForResult('CP-1', 'DataTransfer', { vendorId: 'other' })).toEqual({ status: 'UnknownVendorId' });
  });

  it('answers CALLERROR NotImplemented or a constraint violation for what it cannot do', async () => {
    await bootedWallbox();
    const errorCode = async (action: string, payload: Payload): Promise<unknown[]> => {
      const [type, , code] = await csms.call('CP-1', action, payload);
      return [type, code];
    };
    expect(await errorCode('GetDiagnostics', {})).toEqual([4, 'OccurenceConstraintViolation']);
    expect(await errorCode('Teleport', {})).toEqual([4, 'NotImplemented']);
    expect(await errorCode('ChangeAvailability', { connectorId: 1 })).toEqual([4, 'OccurenceConstraintViolation']);
    expect(await errorCode('Reset', { type: 'Gentle' })).toEqual([4, 'PropertyConstraintViolation']);
  });

  it('answers a malformed CALL with a FormationViolation', async () => {
    const cp = await bootedWallbox();
    const warnings: Error[] = [];
    cp.on('warning', (error) => warnings.push(error));
    const answers: string[] = [];
    csms.sockets.get('CP-1')?.on('message', (data) => answers.push(data.toString()));
    csms.sockets.get('CP-1')?.send('[2,"bad-1","Reset",[]]');
    await expect.poll(() => answers).toEqual(['[4,"bad-1","FormationViolation","payload must be a JSON object",{}]']);
    expect(warnings).toHaveLength(1);
  });
});

describe('charging session', () => {
  const session = { wh: 3000, meterIntervalMs: 20, samples: 3 };

  it('plays Preparing → Authorize → StartTransaction → Charging → MeterValues → StopTransaction → Finishing → Available', async () => {
    const cp = await bootedWallbox();
    await cp.meterValues(1, 5000);
    const result = await cp.plugInAndCharge({ connectorId: 1, idTag: 'TAG-1', ...session });
    expect(result.outcome).toBe('completed');
    expect(result.answers.meterValues).toHaveLength(3);
    const sequence = csms.of('CP-1').slice(5).map(({ action, payload }) => (action === 'StatusNotification' ? `${action}:${payload.status}` : action));
    expect(sequence).toEqual([
      'StatusNotification:Preparing',
      'Authorize',
      'StartTransaction',
      'StatusNotification:Charging',
      'MeterValues',
      'MeterValues',
      'MeterValues',
      'StopTransaction',
      'StatusNotification:Finishing',
      'StatusNotification:Available',
    ]);
    const meterValues = csms.of('CP-1', 'MeterValues').slice(1);
    expect(meterValues.map(({ payload }) => payload.transactionId)).toEqual([result.transactionId, result.transactionId, result.transactionId]);
    expect(meterValues.map(({ payload }) => (payload.meterValue as { sampledValue: Payload[] }[])[0].sampledValue[0])).toEqual(
      ['6000', '7000', '8000'].map((value) => ({ value, context: 'Sample.Periodic', measurand: 'Energy.Active.Import.Register', unit: 'Wh' })),
    );
    expect(csms.of('CP-1', 'StartTransaction')[0].payload).toMatchObject({ connectorId: 1, idTag: 'TAG-1', meterStart: 5000 });
    expect(csms.of('CP-1', 'StopTransaction')[0].payload).toMatchObject({ transactionId: result.transactionId, meterStop: 8000, idTag: 'TAG-1', reason: 'Local' });
  });

  it('goes back to Available without a transaction when the tag is refused', async () => {
    csms.respond('Authorize', () => ({ idTagInfo: { status: 'Invalid' } }));
    const cp = await bootedWallbox();
    const result = await cp.plugInAndCharge({ connectorId: 2, idTag: 'NOPE', ...session });
    expect(result).toMatchObject({ outcome: 'notAuthorized', transactionId: undefined });
    expect(csms.actions('CP-1')).not.toContain('StartTransaction');
    expect(csms.statuses('CP-1').slice(-2)).toEqual(['2:Preparing', '2:Available']);
  });

  it('without an idTag waits for the central system to start it remotely', async () => {
    csms.respond('StatusNotification', (payload, identity) => {
      if (payload.status === 'Preparing' && payload.connectorId === 2) {
        setImmediate(() => void csms.call(identity, 'RemoteStartTransaction', { idTag: 'AUTO', connectorId: 2 }));
      }
      return {};
    });
    const cp = await bootedWallbox();
    const result = await cp.plugInAndCharge({ connectorId: 2, ...session });
    expect(result.outcome).toBe('completed');
    expect(csms.of('CP-1', 'StartTransaction')[0].payload).toMatchObject({ connectorId: 2, idTag: 'AUTO' });
    expect(csms.of('CP-1', 'MeterValues')).toHaveLength(3);
  });

  it('with a cable that does not lock, starts nothing: Faulted, ConnectorLockFailure', async () => {
    const cp = await bootedWallbox({ cableLock: 'lockFails' });
    const result = await cp.plugInAndCharge({ connectorId: 1, idTag: 'TAG-1', ...session });
    expect(result.outcome).toBe('notStarted');
    expect(csms.of('CP-1', 'StatusNotification').at(-1)?.payload).toMatchObject({ connectorId: 1, status: 'Faulted', errorCode: 'ConnectorLockFailure' });
    expect(csms.actions('CP-1')).not.toContain('StartTransaction');
  });

  it('starts a card its cache holds Accepted without Authorize when LocalPreAuthorize is set, and asks again after ClearCache', async () => {
    const cp = await bootedWallbox();
    changeSetting(cp, 'LocalPreAuthorize', 'true');
    await cp.plugInAndCharge({ connectorId: 1, idTag: 'TAG-1', ...session, samples: 1 });
    const cached = await cp.plugInAndCharge({ connectorId: 1, idTag: 'TAG-1', ...session, samples: 1 });
    expect(cached.answers.authorize).toBeUndefined();
    expect(csms.of('CP-1', 'Authorize')).toHaveLength(1);
    expect(await csms.callForResult('CP-1', 'ClearCache', {})).toEqual({ status: 'Accepted' });
    await cp.plugInAndCharge({ connectorId: 1, idTag: 'TAG-1', ...session, samples: 1 });
    expect(csms.of('CP-1', 'Authorize')).toHaveLength(2);
  });

  it('offline, keeps start, meter values and stop, and sends them in order once back, with the transaction id handed out', async () => {
    const cp = await bootedWallbox();
    await cp.close();
    changeSetting(cp, 'AllowOfflineTxForUnknownId', 'true');
    expect(cp.authorizeLocally('NEW-CARD')).toBe('Accepted');
    const started = cp.beginTransaction(1, 'NEW-CARD');
    await expect.poll(() => cp.queuedWhileOffline).toBe(1);
    const ownId = cp.transactionOn(1) as number;
    expect(ownId).toBeLessThan(0);
    const metered = cp.meterValues(1, 500, ownId);
    const stopped = cp.stopTransaction(ownId, 900, 'NEW-CARD', 'Local');
    expect(cp.queuedWhileOffline).toBe(3);
    await cp.connect();
    await cp.bootAndReport();
    const { transactionId } = await started;
    await Promise.all([metered, stopped]);
    expect(csms.actions('CP-1').filter((action) => ['StartTransaction', 'MeterValues', 'StopTransaction'].includes(action))).toEqual([
      'StartTransaction',
      'MeterValues',
      'StopTransaction',
    ]);
    expect(csms.of('CP-1', 'MeterValues')[0].payload).toMatchObject({ transactionId });
    expect(csms.of('CP-1', 'StopTransaction')[0].payload).toMatchObject({ transactionId, meterStop: 900 });
    expect(cp.queuedWhileOffline).toBe(0);
  });

  it('a transaction whose tag the central system refuses: stopped (DeAuthorized) when StopTransactionOnInvalidId, else SuspendedEVSE', async () => {
    csms.respond('StartTransaction', () => ({ transactionId: 77, idTagInfo: { status: 'Invalid' } }));
    const cp = await bootedWallbox();
    await cp.beginTransaction(1, 'BAD');
    expect(csms.of('CP-1', 'StopTransaction')[0].payload).toMatchObject({ transactionId: 77, reason: 'DeAuthorized' });
    changeSetting(cp, 'StopTransactionOnInvalidId', 'false');
    await cp.beginTransaction(2, 'BAD');
    expect(csms.statuses('CP-1').at(-1)).toBe('2:SuspendedEVSE');
    expect(cp.transactionOn(2)).toBe(77);
  });

  it('a remote start without a vehicle waits for its cable: it begins when one plugs in, and gives up after ConnectionTimeOut', async () => {
    const cp = await bootedWallbox({ remoteStartWithoutVehicle: 'waitsForCable' });
    changeSetting(cp, 'ConnectionTimeOut', '1');
    expect(await csms.callForResult('CP-1', 'RemoteStartTransaction', { idTag: 'REMOTE', connectorId: 1 })).toEqual({ status: 'Accepted' });
    await expect.poll(() => csms.statuses('CP-1').at(-1)).toBe('1:Preparing');
    expect(csms.actions('CP-1')).not.toContain('StartTransaction');
    await expect.poll(() => csms.statuses('CP-1').at(-1), { timeout: 5000 }).toBe('1:Available');
    expect(await csms.callForResult('CP-1', 'RemoteStartTransaction', { idTag: 'REMOTE', connectorId: 2 })).toEqual({ status: 'Accepted' });
    await expect.poll(() => csms.statuses('CP-1').at(-1)).toBe('2:Preparing');
    const result = await cp.plugInAndCharge({ connectorId: 2, ...session, samples: 1 });
    expect(result.outcome).toBe('completed');
    expect(csms.of('CP-1', 'StartTransaction')[0].payload).toMatchObject({ connectorId: 2, idTag: 'REMOTE' });
  });

  it('ends early when the central system stops the transaction', async () => {
    const cp = await bootedWallbox();
    csms.respond('MeterValues', (payload, identity) => {
      setImmediate(() => void csms.call(identity, 'RemoteStopTransaction', { transactionId: payload.transactionId as number }));
      return {};
    });
    const result = await cp.plugInAndCharge({ connectorId: 1, idTag: 'TAG-1', ...session, samples: 50 });
    expect(result.outcome).toBe('stoppedByCsms');
    await expect.poll(() => csms.statuses('CP-1').slice(-2)).toEqual(['1:Finishing', '1:Available']);
    expect(csms.of('CP-1', 'StopTransaction').map(({ payload }) => payload.reason)).toEqual(['Remote']);
  });
});

describe('Fleet', () => {
  it('connects and boots 50 wallboxes with bounded concurrency from round-robin source addresses', async () => {
    const fleet = new Fleet({
      url: csms.url,
      count: 50,
      connectors: 2,
      identityPrefix: 'FLEET-',
      concurrency: 8,
      localAddresses: ['127.0.0.1', '127.0.0.2'],
      chargePoint: { callTimeoutMs: 5000 },
    });
    await fleet.start();
    const stats = fleet.stats();
    expect(stats).toMatchObject({ total: 50, connected: 50, accepted: 50, pending: 0, failed: 0 });
    expect(stats.bootLatencyMs.samples).toBe(50);
    expect(stats.bootLatencyMs.p99).toBeGreaterThanOrEqual(stats.bootLatencyMs.p50);
    expect(new Set(csms.received.filter((call) => call.action === 'BootNotification').map((call) => call.identity)).size).toBe(50);
    expect(csms.received.filter((call) => call.action === 'StatusNotification')).toHaveLength(150);
    expect(new Set(csms.handshakes.map((handshake) => handshake.remoteAddress?.replace('::ffff:', '')))).toEqual(new Set(['127.0.0.1', '127.0.0.2']));

    const result = await fleet.chargeRandomConnector({ idTag: 'FLEET-TAG', wh: 100, meterIntervalMs: 10, samples: 2 });
    expect(result?.outcome).toBe('completed');
    expect(fleet.stats().sessions).toEqual({ running: 0, completed: 1, failed: 0 });

    await fleet.stop();
    expect(fleet.stats().connected).toBe(0);
  });

  it('connects no more wallboxes once stopped during start', async () => {
    const fleet = new Fleet({ url: csms.url, count: 30, connectors: 1, identityPrefix: 'STOP-', concurrency: 1 });
    const starting = fleet.start();
    await fleet.stop();
    await starting;
    expect(fleet.stats().connected).toBe(0);
    expect(csms.handshakes.length).toBeLessThanOrEqual(1);
  });

  it('counts wallboxes whose handshake is refused as failed', async () => {
    csms.passwords.set('LOCKED-2', 'secret');
    const fleet = new Fleet({ url: csms.url, count: 3, connectors: 1, identityPrefix: 'LOCKED-', concurrency: 3 });
    await fleet.start();
    expect(fleet.stats()).toMatchObject({ connected: 2, accepted: 2, failed: 1 });
    expect(fleet.lastFailure).toMatchObject({ statusCode: 401 });
    await fleet.stop();
  });
});

describe('firmware updates and diagnostics uploads (Firmware Management)', () => {
  /** An HTTP server of the test: serves firmware images and takes uploads, as the CSMS's API does. */
  let files: Server;
  const uploads = new Map<string, string>();
  const image = Buffer.concat([Buffer.from('firmwareVersion=2.0.0\n'), Buffer.alloc(50_000, 1)]);
  const fileUrl = (path: string) => `http://127.0.0.1:${(files.address() as AddressInfo).port}${path}`;

  beforeEach(async () => {
    files = createServer((request, response) => {
      if (request.method === 'GET') return void response.writeHead(request.url === '/wall.bin' ? 200 : 404).end(request.url === '/wall.bin' ? image : undefined);
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        uploads.set(decodeURIComponent(request.url ?? ''), Buffer.concat(chunks).toString());
        response.writeHead(201).end();
      });
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    csms.respond('FirmwareStatusNotification', () => ({}));
    csms.respond('DiagnosticsStatusNotification', () => ({}));
  });
  afterEach(async () => {
    uploads.clear();
    await new Promise((resolve) => files.close(resolve));
  });

  const firmwareStatuses = (identity: string) => csms.of(identity, 'FirmwareStatusNotification').map(({ payload }) => payload.status);
  const diagnosticsStatuses = (identity: string) => csms.of(identity, 'DiagnosticsStatusNotification').map(({ payload }) => payload.status);
  const retrieveDate = () => new Date().toISOString();

  it('downloads the image, installs it and boots again with its version, reporting each step', async () => {
    const cp = await bootedWallbox({ firmwareVersion: '1.0.0' });
    expect(await csms.callForResult('CP-1', 'UpdateFirmware', { location: fileUrl('/wall.bin'), retrieveDate: retrieveDate() })).toEqual({});
    await expect.poll(() => firmwareStatuses('CP-1'), { timeout: 5000 }).toEqual(['Downloading', 'Downloaded', 'Installing', 'Installed']);
    const boots = csms.of('CP-1', 'BootNotification').map(({ payload }) => payload.firmwareVersion);
    expect(boots).toEqual(['1.0.0', '2.0.0']);
    // The restart comes between Installing and Installed.
    const actions = csms.actions('CP-1');
    expect(actions.lastIndexOf('BootNotification')).toBeGreaterThan(actions.indexOf('FirmwareStatusNotification'));
    expect(cp.firmwareVersion).toBe('2.0.0');
  });

  it('reports DownloadFailed when the image cannot be fetched, or when told to fail the download', async () => {
    await bootedWallbox();
    await csms.callForResult('CP-1', 'UpdateFirmware', { location: fileUrl('/missing.bin'), retrieveDate: retrieveDate() });
    await expect.poll(() => firmwareStatuses('CP-1'), { timeout: 5000 }).toEqual(['Downloading', 'DownloadFailed']);
    await bootedWallbox({ firmwareFailures: { download: true } });
    await csms.callForResult('CP-2', 'UpdateFirmware', { location: fileUrl('/wall.bin'), retrieveDate: retrieveDate() });
    await expect.poll(() => firmwareStatuses('CP-2'), { timeout: 5000 }).toEqual(['Downloading', 'DownloadFailed']);
  });

  it('reports InstallationFailed when told to fail the installation, and does not restart', async () => {
    await bootedWallbox({ firmwareFailures: { installation: true } });
    await csms.callForResult('CP-1', 'UpdateFirmware', { location: fileUrl('/wall.bin'), retrieveDate: retrieveDate() });
    await expect.poll(() => firmwareStatuses('CP-1'), { timeout: 5000 }).toEqual(['Downloading', 'Downloaded', 'Installing', 'InstallationFailed']);
    expect(csms.of('CP-1', 'BootNotification')).toHaveLength(1);
  });

  it('answers GetDiagnostics with its file name and uploads the file to the location, or reports UploadFailed', async () => {
    await bootedWallbox({ firmwareVersion: '1.0.0' });
    const { fileName } = await csms.callForResult('CP-1', 'GetDiagnostics', { location: fileUrl('/uploads/CP-1/') });
    expect(fileName).toMatch(/^diagnostics-CP-1-.+\.log$/);
    await expect.poll(() => diagnosticsStatuses('CP-1'), { timeout: 5000 }).toEqual(['Uploading', 'Uploaded']);
    expect(uploads.get(`/uploads/CP-1/${fileName as string}`)).toContain('firmwareVersion: 1.0.0');

    await bootedWallbox({ firmwareFailures: { upload: true } });
    await csms.callForResult('CP-2', 'GetDiagnostics', { location: fileUrl('/uploads/CP-2/') });
    await expect.poll(() => diagnosticsStatuses('CP-2'), { timeout: 5000 }).toEqual(['Uploading', 'UploadFailed']);
    await bootedWallbox();
    await csms.callForResult('CP-3', 'GetDiagnostics', { location: 'ftp://logs.example.com/' });
    await expect.poll(() => diagnosticsStatuses('CP-3'), { timeout: 5000 }).toEqual(['Uploading', 'UploadFailed']);
    expect([...uploads.keys()]).toEqual([`/uploads/CP-1/${fileName as string}`]);
  });
});
