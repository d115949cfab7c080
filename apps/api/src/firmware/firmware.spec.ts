import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, type WallboxCommand, type WallboxCommandReply } from '@voltstream/contracts';
import { followEvents } from '@voltstream/nats';
import { JSONCodec, type Subscription } from 'nats';
import { startTestApi, type TestApi } from '../../test-support/api-harness';

const codec = JSONCodec();
const CP = 'CP-FW';
const GATEWAY = 'gateway-fw';
const DIAGNOSTICS_MAX_BYTES = 64 * 1024;
const RETRIEVE = '2026-03-01T02:00:00.000Z';

describe('Firmware Management through the API (a test subscriber plays the gateway holding the connection)', () => {
  let t: TestApi;
  let gateway: Subscription | undefined;
  const received: WallboxCommand[] = [];
  const base = () => `http://127.0.0.1:${t.api.port}`;

  beforeAll(async () => {
    t = await startTestApi({ projection: true, env: { OCPP_CALL_TIMEOUT: '1', DIAGNOSTICS_MAX_BYTES: String(DIAGNOSTICS_MAX_BYTES) } });
    await t.request('PUT', `/api/charge-points/${CP}`, { body: { startMode: 'anyTag' } });
    await t.request('PUT', '/api/charge-points/CP-FW-PARKED', { body: { startMode: 'anyTag' } });
    await t.record(createEvent('ChargePointConnected', { connectionId: 'connection-1', gatewayId: GATEWAY }, CP, new Date()));
  });
  afterEach(() => {
    gateway?.unsubscribe();
    gateway = undefined;
    received.length = 0;
  });
  afterAll(() => t?.close());

  async function playGateway(reply: (command: WallboxCommand) => WallboxCommandReply): Promise<void> {
    gateway = t.nc.subscribe(t.subjects.command(GATEWAY, CP), {
      callback: (_error, message) => {
        const command = codec.decode(message.data) as WallboxCommand;
        received.push(command);
        message.respond(codec.encode(reply(command)));
      },
    });
    await t.nc.flush();
  }

  const answering = (payload: Record<string, unknown>) => playGateway(() => ({ outcome: 'result', payload }));

  async function uploadImage(name: string, version: string, content: Buffer): Promise<Response> {
    return fetch(`${base()}/api/firmware-images?name=${encodeURIComponent(name)}&version=${version}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.api.token}`, 'content-type': 'application/octet-stream' },
      body: content,
    });
  }

  describe('UpdateFirmware', () => {
    it('sends the location, retrieve date and retries as given, and relays the empty answer', async () => {
      await answering({});
      const body = { location: 'https://firmware.example.com/wall-2.0.bin', retrieveDate: RETRIEVE, retries: 3, retryInterval: 60 };
      expect(await t.request('POST', `/api/charge-points/${CP}/firmware`, { body })).toMatchObject({ status: 200, body: {} });
      expect(received).toEqual([{ action: 'UpdateFirmware', payload: body }]);
    });

    it('an image an operator uploaded is served by the CSMS: the command names its download URL, fetched without a token', async () => {
      const image = Buffer.alloc(200_000, 7);
      const uploaded = await uploadImage('wall 2.0.bin', '2.0.0', image);
      expect(uploaded.status).toBe(201);
      const view = (await uploaded.json()) as { downloadUrl: string };
      expect(view).toMatchObject({ name: 'wall 2.0.bin', version: '2.0.0', size: 200_000, sha256: createHash('sha256').update(image).digest('hex') });
      expect(view.downloadUrl).toMatch(new RegExp(`^${base()}/api/firmware/[A-Za-z0-9_-]{43}/wall%202\\.0\\.bin$`));
      expect((await t.request('GET', '/api/firmware-images')).body).toEqual([view]);

      await answering({});
      expect(await t.request('POST', `/api/charge-points/${CP}/firmware`, { body: { image: 'wall 2.0.bin', retrieveDate: RETRIEVE } })).toMatchObject({ status: 200 });
      expect(received).toEqual([{ action: 'UpdateFirmware', payload: { location: view.downloadUrl, retrieveDate: RETRIEVE } }]);

      const download = await fetch(view.downloadUrl);
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer()).equals(image)).toBe(true);
      const forged = view.downloadUrl.replace(/firmware\/[A-Za-z0-9_-]{43}/, `firmware/${'A'.repeat(43)}`);
      expect((await fetch(forged)).status).toBe(404);
    });

    it('bad input is 400 naming the field; an unknown image 404', async () => {
      const post = (body: unknown) => t.request('POST', `/api/charge-points/${CP}/firmware`, { body });
      expect((await post({ retrieveDate: RETRIEVE })).body.message).toContain('location or image is required');
      expect((await post({ location: 'not a uri', retrieveDate: RETRIEVE })).body.message).toEqual(['location must be an absolute URI (RFC 3986)']);
      expect((await post({ location: 'http://x/y', image: 'a.bin', retrieveDate: RETRIEVE })).body.message).toEqual(['image must not be given with location']);
      expect((await post({ location: 'http://x/y', retrieveDate: 'tomorrow' })).body.message).toEqual(['retrieveDate must be an RFC 3339 date-time']);
      expect((await post({ location: 'http://x/y', retrieveDate: RETRIEVE, retries: -1 })).body.message).toEqual(['retries must not be less than 0']);
      expect((await post({ location: 'http://x/y', retrieveDate: RETRIEVE, retryInterval: 2 ** 31 })).status).toBe(400);
      expect(await post({ image: 'no-such.bin', retrieveDate: RETRIEVE })).toMatchObject({ status: 404, body: { message: 'firmware image no-such.bin not found' } });
      expect(received).toEqual([]);
    });

    it('an image needs a name, a version and content', async () => {
      expect((await uploadImage('..', '1', Buffer.from('x'))).status).toBe(400);
      expect(await (await uploadImage('a.bin', '', Buffer.from('x'))).json()).toMatchObject({ message: ['version must be longer than or equal to 1 characters'] });
      expect(await (await uploadImage('a.bin', '1', Buffer.alloc(0))).json()).toMatchObject({ message: ['body must hold the firmware image, not be empty'] });
      expect((await fetch(`${base()}/api/firmware-images?name=a.bin&version=1`, { method: 'POST', body: 'x' })).status).toBe(401);
    });
  });

  describe('GetDiagnostics and the upload URL of the CSMS', () => {
    it('without a location, the wallbox is sent its own upload URL, the one connection-info announces; the file name is relayed', async () => {
      const info = await t.request('GET', `/api/connection-info?identity=${CP}`);
      expect(info.body.diagnosticsUploadUrl).toMatch(new RegExp(`^${base()}/api/uploads/diagnostics/${CP}/[A-Za-z0-9_-]{43}/$`));
      await answering({ fileName: 'diag-1.log' });
      const answer = await t.request('POST', `/api/charge-points/${CP}/diagnostics`, { body: { startTime: '2026-03-01T00:00:00Z', retries: 1 } });
      expect(answer).toMatchObject({ status: 200, body: { fileName: 'diag-1.log' } });
      expect(received).toEqual([
        { action: 'GetDiagnostics', payload: { location: info.body.diagnosticsUploadUrl, startTime: '2026-03-01T00:00:00Z', retries: 1 } },
      ]);
    });

    it('a file uploaded there without a bearer token is stored, recorded once, listed and downloadable', async () => {
      const url = (await t.request('GET', `/api/connection-info?identity=${CP}`)).body.diagnosticsUploadUrl as string;
      const content = Buffer.from('boot log\nerror 42\n');
      const sha256 = createHash('sha256').update(content).digest('hex');
      for (const method of ['PUT', 'POST']) {
        const upload = await fetch(`${url}diag-1.log`, { method, headers: { 'content-type': 'text/plain' }, body: content });
        expect({ status: upload.status, body: await upload.json() }).toMatchObject({ status: 201, body: { name: 'diag-1.log', size: content.length, sha256 } });
      }
      // The same file sent again (a wallbox's retry) is recorded once.
      const recorded: unknown[] = [];
      const follower = await followEvents(t.nc, t.subjects.eventsStream, t.subjects.event('station', CP, 'DiagnosticsFileUploaded'), ({ event }) => recorded.push(event.data));
      await follower.stop();
      expect(recorded).toEqual([{ name: 'diag-1.log', size: content.length, sha256 }]);

      const listed = await t.request('GET', `/api/charge-points/${CP}/diagnostics-files`);
      expect(listed).toMatchObject({ status: 200, body: [{ name: 'diag-1.log', size: content.length, sha256 }] });
      const download = await t.request('GET', `/api/charge-points/${CP}/diagnostics-files/diag-1.log`);
      expect(download).toMatchObject({ status: 200, body: content.toString() });
      expect(download.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''diag-1.log`);
      expect((await t.request('GET', `/api/charge-points/${CP}/diagnostics-files/diag-1.log`, { token: null })).status).toBe(401);
      expect((await t.request('GET', `/api/charge-points/${CP}/diagnostics-files/other.log`)).status).toBe(404);
    });

    it('a multipart/form-data POST to the upload URL itself is stored under the name of its file part', async () => {
      const url = (await t.request('GET', `/api/connection-info?identity=${CP}`)).body.diagnosticsUploadUrl as string;
      const form = new FormData();
      form.append('note', 'from a wallbox that posts forms');
      form.append('file', new Blob(['line 1\r\nline 2\r\n']), 'diag-form.log');
      const upload = await fetch(url, { method: 'POST', body: form });
      expect({ status: upload.status, body: await upload.json() }).toMatchObject({ status: 201, body: { name: 'diag-form.log', size: 16 } });
      expect((await t.request('GET', `/api/charge-points/${CP}/diagnostics-files/diag-form.log`)).body).toBe('line 1\r\nline 2\r\n');

      const unnamed = await fetch(url, { method: 'POST', body: 'raw, but no name' });
      expect({ status: unnamed.status, body: await unnamed.json() }).toMatchObject({
        status: 400,
        body: { message: ['fileName is required: after the upload URL, or as the filename of the multipart part'] },
      });
      const broken = await fetch(url, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=b' }, body: '--b\r\nno end' });
      expect(await broken.json()).toMatchObject({ statusCode: 400, message: ['body: the multipart/form-data body is malformed'] });
    });

    it('refuses another charge point’s link, a file over DIAGNOSTICS_MAX_BYTES and a name that is not one path segment', async () => {
      const url = (await t.request('GET', `/api/connection-info?identity=${CP}`)).body.diagnosticsUploadUrl as string;
      const stolen = url.replace(`/${CP}/`, '/CP-FW-PARKED/');
      expect((await fetch(`${stolen}x.log`, { method: 'PUT', body: 'x' })).status).toBe(403);
      const tooLarge = await fetch(`${url}big.log`, { method: 'PUT', body: Buffer.alloc(DIAGNOSTICS_MAX_BYTES + 1) });
      expect(tooLarge.status).toBe(413);
      expect(await tooLarge.json()).toMatchObject({ message: `the file is larger than ${DIAGNOSTICS_MAX_BYTES} bytes` });
      const badName = await fetch(`${url}a%00b.log`, { method: 'PUT', body: 'x' });
      expect({ status: badName.status, body: await badName.json() }).toMatchObject({ status: 400, body: { message: ['fileName must not hold control characters'] } });
      expect((await t.request('GET', `/api/charge-points/${CP}/diagnostics-files`)).body.map((file: { name: string }) => file.name)).toEqual(['diag-1.log', 'diag-form.log']);
    });

    it('bad input is 400 naming the field', async () => {
      const post = (body: unknown) => t.request('POST', `/api/charge-points/${CP}/diagnostics`, { body });
      expect((await post({ location: 'ftp//nowhere' })).body.message).toEqual(['location must be an absolute URI (RFC 3986)']);
      expect((await post({ stopTime: '2026-13-01T00:00:00Z' })).body.message).toEqual(['stopTime must be an RFC 3339 date-time']);
      expect((await post({ retryInterval: 1.5 })).body.message).toContain('retryInterval must be an integer number');
      expect(received).toEqual([]);
    });
  });

  it('an identity that no charge point can have is 400 naming it, on every route of the profile', async () => {
    const routes: [string, string, unknown][] = [
      ['POST', '/api/charge-points/bad%20id/firmware', { location: 'http://x/y', retrieveDate: RETRIEVE }],
      ['POST', '/api/charge-points/bad%20id/diagnostics', {}],
      ['GET', '/api/charge-points/bad%20id/diagnostics-files', undefined],
      ['GET', '/api/charge-points/bad%20id/diagnostics-files/a.log', undefined],
      ['PUT', `/api/uploads/diagnostics/bad%20id/${'A'.repeat(43)}/a.log`, undefined],
    ];
    for (const [method, path, body] of routes) {
      const answer = await t.request(method, path, { body });
      expect({ path, status: answer.status, message: answer.body.message }).toEqual({
        path,
        status: 400,
        message: ['identity must be 1 to 48 characters of letters, digits and -_.:*'],
      });
    }
  });

  it('a charge point that is offline is 409, an unknown one 404', async () => {
    expect((await t.request('POST', '/api/charge-points/CP-FW-PARKED/diagnostics', { body: {} })).status).toBe(409);
    expect((await t.request('POST', '/api/charge-points/CP-FW-PARKED/firmware', { body: { location: 'http://x/y', retrieveDate: RETRIEVE } })).status).toBe(409);
    expect((await t.request('POST', '/api/charge-points/NO-SUCH-CP/diagnostics', { body: {} })).status).toBe(404);
  });

  it('the charge point shows its firmware and diagnostics status with their time, in REST and GraphQL', async () => {
    const at = new Date('2026-03-01T03:00:00.000Z');
    await t.record(createEvent('FirmwareStatusReported', { status: 'Downloading' }, CP, at));
    await t.record(createEvent('DiagnosticsStatusReported', { status: 'Uploaded' }, CP, new Date(at.getTime() + 1000)));
    expect((await t.request('GET', `/api/charge-points/${CP}`)).body).toMatchObject({
      firmwareStatus: 'Downloading',
      firmwareStatusAt: '2026-03-01T03:00:00.000Z',
      diagnosticsStatus: 'Uploaded',
      diagnosticsStatusAt: '2026-03-01T03:00:01.000Z',
    });
    const query = `{ chargePoint(identity: "${CP}") { firmwareStatus firmwareStatusAt diagnosticsStatus diagnosticsStatusAt } diagnosticsFiles(identity: "${CP}") { name } }`;
    expect((await t.request('POST', '/graphql', { body: { query } })).body).toEqual({
      data: {
        chargePoint: { firmwareStatus: 'Downloading', firmwareStatusAt: '2026-03-01T03:00:00.000Z', diagnosticsStatus: 'Uploaded', diagnosticsStatusAt: '2026-03-01T03:00:01.000Z' },
        diagnosticsFiles: [{ name: 'diag-1.log' }, { name: 'diag-form.log' }],
      },
    });
  });

  it('GraphQL: updateFirmware and getDiagnostics mutations, and the firmware images', async () => {
    await playGateway((command) => ({ outcome: 'result', payload: command.action === 'GetDiagnostics' ? { fileName: 'diag-2.log' } : {} }));
    const mutation = `mutation {
      updateFirmware(identity: "${CP}", image: "wall 2.0.bin", retrieveDate: "${RETRIEVE}")
      getDiagnostics(identity: "${CP}", location: "ftp://logs.example.com/") { fileName }
    }`;
    expect((await t.request('POST', '/graphql', { body: { query: mutation } })).body).toEqual({
      data: { updateFirmware: true, getDiagnostics: { fileName: 'diag-2.log' } },
    });
    const images = (await t.request('POST', '/graphql', { body: { query: '{ firmwareImages { name version downloadUrl } }' } })).body.data.firmwareImages;
    expect(images).toEqual([{ name: 'wall 2.0.bin', version: '2.0.0', downloadUrl: (received[0].payload as { location: string }).location }]);
    expect(received[1]).toEqual({ action: 'GetDiagnostics', payload: { location: 'ftp://logs.example.com/' } });
    const bad = await t.request('POST', '/graphql', { body: { query: `mutation { getDiagnostics(identity: "${CP}", retries: -1) { fileName } }` } });
    expect(JSON.stringify(bad.body.errors)).toContain('retries must not be less than 0');
  });
});
