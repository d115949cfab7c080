import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedChargePoint } from '@voltstream/simulator';
import { subjectsFor } from '@voltstream/contracts';
import { entryPoint, repoRoot, type AppName } from '@voltstream/launcher';
import { connectNats } from '@voltstream/nats';
import { startSystem, type System } from './support/system';
import { adoptedWallbox, eventually, SLOW_MS } from './support/wallboxes';

const SERVICES: AppName[] = ['ocpp-gateway', 'authorization', 'state-projection', 'api'];

interface LogLine {
  level: string;
  service: string;
  msg: string;
  [field: string]: unknown;
}

/** Every line the services write, as written (stdout piped, not a terminal: the default format). */
class Capture {
  readonly raw: Array<{ source: string; line: string }> = [];
  readonly output = (source: string, line: string) => void this.raw.push({ source, line });

  /** The lines of a service, each parsed: a line that is not a JSON object fails the test here. */
  of(service: AppName): LogLine[] {
    return this.raw.filter((each) => each.source === service).map(({ line }) => parsed(service, line));
  }
}

function parsed(service: AppName, line: string): LogLine {
  try {
    return JSON.parse(line) as LogLine;
  } catch {
    throw new Error(`${service} wrote a line that is not JSON: ${line}`);
  }
}

async function unlock(system: System, identity: string, headers: Record<string, string>) {
  return system.exchange(`/api/charge-points/${identity}/unlock`, { method: 'POST', body: { connectorId: 1 }, headers });
}

describe('structured logs: JSON lines from every service, with the fields to follow a wallbox and a command (end to end)', () => {
  const capture = new Capture();
  let system: System;
  let wallbox: SimulatedChargePoint;

  beforeAll(async () => {
    system = await startSystem({ LOG_LEVEL: 'debug' }, SERVICES, { output: capture.output });
    wallbox = await adoptedWallbox(system, 'LOGS-1', { startMode: 'centralList' });
  });
  afterAll(async () => {
    await wallbox?.close();
    await system?.stop();
  });

  it('every service writes JSON lines carrying its name, level and time', () => {
    for (const service of SERVICES) {
      const lines = capture.of(service);
      expect(lines.length, service).toBeGreaterThan(0);
      for (const line of lines) expect(line, JSON.stringify(line)).toMatchObject({ service, level: expect.any(String), time: expect.any(String), msg: expect.any(String) });
    }
  });

  it('a line about a wallbox\'s message carries its identity, the OCPP uniqueId and action, and the event\'s stream sequence', async () => {
    await wallbox.heartbeat();
    const recorded = () => capture.of('ocpp-gateway').filter((line) => line.msg === 'call recorded' && line.identity === 'LOGS-1');
    await eventually(async () => expect(recorded().map((line) => line.action)).toEqual(expect.arrayContaining(['BootNotification', 'StatusNotification', 'Heartbeat'])));
    for (const line of recorded()) expect(line).toMatchObject({ uniqueId: expect.any(String), sequence: expect.any(Number), event: expect.any(String) });
    expect(new Set(recorded().map((line) => line.sequence)).size).toBe(recorded().length);
    const applied = capture.of('state-projection').filter((line) => line.msg === 'events applied');
    expect(applied.at(-1)).toMatchObject({ sequence: expect.any(Number), events: expect.any(Number) });
  });

  it('an operator command carries the X-Request-Id it came with to the gateway, which logs it with the wallbox\'s answer', async () => {
    const requestId = `e2e-${randomUUID()}`;
    const answered = await unlock(system, 'LOGS-1', { 'X-Request-Id': requestId });
    expect(answered.status).toBe(200);
    expect(answered.headers.get('x-request-id')).toBe(requestId);
    const about = (service: AppName) => capture.of(service).filter((line) => line.correlationId === requestId);
    await eventually(async () => expect(about('api')).toEqual([expect.objectContaining({ identity: 'LOGS-1', action: 'UnlockConnector', outcome: 'result', msg: 'operator command answered' })]));
    expect(about('ocpp-gateway')).toEqual([
      expect.objectContaining({ identity: 'LOGS-1', action: 'UnlockConnector', uniqueId: expect.any(String), outcome: 'result', status: expect.any(String), msg: 'command answered' }),
    ]);
  });

  it('an operator\'s local list request carries its X-Request-Id through the authorization service to the gateway', async () => {
    const requestId = `e2e-${randomUUID()}`;
    const answered = await system.exchange('/api/charge-points/LOGS-1/local-list/version', { method: 'POST', headers: { 'X-Request-Id': requestId } });
    expect(answered.status).toBe(200);
    const about = (service: AppName) => capture.of(service).filter((line) => line.correlationId === requestId);
    await eventually(async () =>
      expect(about('ocpp-gateway')).toEqual([expect.objectContaining({ identity: 'LOGS-1', action: 'GetLocalListVersion', outcome: 'result', msg: 'command answered' })]),
    );
    expect(about('authorization')).toContainEqual(expect.objectContaining({ identity: 'LOGS-1', action: 'GetLocalListVersion', outcome: 'result', msg: 'system command answered' }));
  });

  it('an auto-start\'s RemoteStartTransaction carries the status event\'s correlation id, logged by authorization and by the gateway with the wallbox\'s answer', async () => {
    const auto = await adoptedWallbox(system, 'LOGS-AUTO', { startMode: 'auto', autoStartIdTag: 'LOGS-AUTO-TAG' });
    try {
      const session = await auto.plugInAndCharge({ connectorId: 1, wh: 100, meterIntervalMs: 100, samples: 1, remoteStartTimeoutMs: SLOW_MS });
      expect(session.outcome).toBe('completed');
    } finally {
      await auto.close();
    }
    const decided = capture.of('authorization').filter((line) => line.msg === 'auto-start decided' && line.identity === 'LOGS-AUTO');
    expect(decided).toEqual([expect.objectContaining({ action: 'RemoteStartTransaction', connectorId: 1, correlationId: expect.stringMatching(/^authorization-auto-start:\d+$/) })]);
    const { correlationId } = decided[0];
    const about = (service: AppName) => capture.of(service).filter((line) => line.correlationId === correlationId);
    await eventually(async () => {
      expect(about('ocpp-gateway')).toEqual([
        expect.objectContaining({ identity: 'LOGS-AUTO', action: 'RemoteStartTransaction', uniqueId: expect.any(String), outcome: 'result', status: 'Accepted', msg: 'command answered' }),
      ]);
      expect(about('authorization').map((line) => line.msg)).toEqual(['auto-start decided', 'system command sent', 'system command answered']);
    });
    expect(about('authorization').at(-1)).toMatchObject({ identity: 'LOGS-AUTO', action: 'RemoteStartTransaction', outcome: 'result', status: 'Accepted' });
  });

  it('a GraphQL mutation too, named by X-Correlation-Id; a request without an id gets a new one in X-Request-Id', async () => {
    const correlationId = `e2e-${randomUUID()}`;
    const mutation = { query: 'mutation { unlock(identity: "LOGS-1", connectorId: 2) { status } }' };
    const answered = await system.exchange<{ data?: unknown }>('/graphql', { method: 'POST', body: mutation, headers: { 'X-Correlation-Id': correlationId } });
    expect(answered.body.data).toEqual({ unlock: { status: expect.any(String) } });
    expect(answered.headers.get('x-request-id')).toBe(correlationId);
    await eventually(async () => expect(capture.of('ocpp-gateway').filter((line) => line.correlationId === correlationId)).toHaveLength(1));
    expect(capture.of('api').filter((line) => line.correlationId === correlationId)).toHaveLength(1);
    const unnamed = await unlock(system, 'LOGS-1', {});
    const generated = unnamed.headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    await eventually(async () => expect(capture.of('ocpp-gateway').filter((line) => line.correlationId === generated)).toHaveLength(1));
  });
});

describe('LOG_LEVEL=warn: no service writes an info or debug line (end to end)', () => {
  const capture = new Capture();
  let system: System;

  beforeAll(async () => {
    system = await startSystem({ LOG_LEVEL: 'warn' }, SERVICES, { output: capture.output });
  });
  afterAll(() => system?.stop());

  it('starts, serves a wallbox and a command, and writes only warn lines and above', async () => {
    const wallbox = await adoptedWallbox(system, 'LOGS-2', { startMode: 'centralList' });
    try {
      await wallbox.heartbeat();
      expect((await unlock(system, 'LOGS-2', { 'X-Request-Id': 'quiet-1' })).status).toBe(200);
    } finally {
      await wallbox.close();
    }
    // A warning still gets through: the gateway ignores a connection claim it cannot read.
    const nc = await connectNats(system.env.NATS_URL, 'e2e-logs');
    nc.publish(subjectsFor(system.namespace).connectionClaimed('LOGS-2'), 'not a claim');
    await nc.flush();
    await nc.close();
    await eventually(async () => expect(capture.of('ocpp-gateway')).toEqual([expect.objectContaining({ level: 'warn', msg: 'ignored a connection claim' })]));
    const written = SERVICES.flatMap((service) => capture.of(service));
    expect(written.filter((line) => !['warn', 'error', 'fatal'].includes(line.level))).toEqual([]);
  });
});

describe('a bad configuration value stops every service at start-up with one JSON line naming the variable, exit code 1 (from dist)', () => {
  const cases: Array<[AppName, string, string, string]> = [
    ...SERVICES.map((service): [AppName, string, string, string] => [service, 'LOG_LEVEL', 'verbose', 'must be one of trace, debug, info, warn, error, fatal, silent, got "verbose"']),
    ['ocpp-gateway', 'GATEWAY_PORT', '70000', 'must be an integer from 0 to 65535, got "70000"'],
    ['api', 'API_PORT', 'eighty', 'must be an integer from 0 to 65535, got "eighty"'],
  ];
  it.each(cases)('%s, %s=%s', async (service, variable, value, reason) => {
    const env = { ...process.env, LOG_FORMAT: undefined, [variable]: value };
    const run = promisify(execFile)(process.execPath, [entryPoint(service)], { cwd: repoRoot(), env, timeout: 20_000 });
    const failure = (await run.then(() => ({ code: 0, stdout: '', stderr: '' }), (error: { code: number; stdout: string; stderr: string }) => error));
    expect(failure.code).toBe(1);
    const lines = `${failure.stdout}${failure.stderr}`.split('\n').filter((line) => line.length > 0).map((line) => parsed(service, line));
    expect(lines).toEqual([
      expect.objectContaining({ level: 'fatal', service, time: expect.any(String), variable, reason, msg: `Invalid configuration: ${variable} ${reason}` }),
    ]);
  });
});
