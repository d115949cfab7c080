import { createHash, randomBytes } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedChargePoint } from '@voltstream/simulator';
import { firmwareWallbox, followChargePoints, reportedLines, uploadImage as uploadImageAs } from './support/firmware';
import { startSystem, type System } from './support/system';
import { chargePoint, eventually, SLOW_MS } from './support/wallboxes';

/** What the charge point shows of Firmware Management. */
interface FirmwareView {
  online: boolean;
  firmwareVersion: string | null;
  firmwareStatus: string | null;
  firmwareStatusAt: string | null;
  diagnosticsStatus: string | null;
  diagnosticsStatusAt: string | null;
}

const TOKEN_PATH = /[A-Za-z0-9_-]{43}/;

describe('Firmware Management end to end (OCPP 1.6 TC_044, TC_045; SPEC §9), the simulator as the wallbox', () => {
  let system: System;
  const wallboxes: SimulatedChargePoint[] = [];
  let live: Client;
  /** Every charge point as the GraphQL subscription delivered it. */
  const changes: (FirmwareView & { identity: string })[] = [];

  const firmware = async (identity: string) => (await chargePoint(system, identity)) as unknown as FirmwareView;
  const retrieveDate = () => new Date().toISOString();

  /** The statuses a wallbox reported, as recorded in the event log, with the boots between them. */
  const reported = (identity: string) =>
    reportedLines(system, identity, (event) => {
      if (event.type === 'FirmwareStatusReported' || event.type === 'DiagnosticsStatusReported') return event.data.status;
      if (event.type === 'ChargePointBooted') return `boot ${event.data.firmwareVersion ?? ''}`;
      if (event.type === 'DiagnosticsFileUploaded') return `file ${event.data.name}`;
      return undefined;
    });

  async function wallbox(identity: string, failures = {}): Promise<SimulatedChargePoint> {
    const cp = await firmwareWallbox(system, identity, failures);
    wallboxes.push(cp);
    return cp;
  }

  const uploadImage = (name: string, version: string, content: Buffer) => uploadImageAs(system, name, version, content);

  beforeAll(async () => {
    system = await startSystem({ OCPP_CALL_TIMEOUT: '5' });
    live = followChargePoints(system, 'identity online firmwareVersion firmwareStatus firmwareStatusAt diagnosticsStatus diagnosticsStatusAt', changes);
  });
  afterAll(async () => {
    await live?.dispose();
    await Promise.all(wallboxes.map((cp) => cp.close()));
    await system?.stop();
  });

  it('TC_044_1 download and install: an image the operator uploaded is served by the CSMS, installed, and the wallbox boots with its version', async () => {
    await wallbox('FW-OK');
    const image = Buffer.concat([Buffer.from('firmwareVersion=2.0.0\n'), randomBytes(300_000)]);
    const uploaded = await uploadImage('wall-2.0.0.bin', '2.0.0', image);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.sha256).toBe(createHash('sha256').update(image).digest('hex'));

    const answer = await system.api('/api/charge-points/FW-OK/firmware', { method: 'POST', body: { image: 'wall-2.0.0.bin', retrieveDate: retrieveDate() } });
    expect(answer).toEqual({ status: 200, body: {} });
    await expect
      .poll(() => firmware('FW-OK'), { timeout: SLOW_MS })
      .toMatchObject({ firmwareStatus: 'Installed', firmwareVersion: '2.0.0', online: true });
    expect(await reported('FW-OK')).toEqual(['boot 1.0.0', 'Downloading', 'Downloaded', 'Installing', 'boot 2.0.0', 'Installed']);
    expect((await firmware('FW-OK')).firmwareStatusAt).toEqual(expect.any(String));
    await eventually(async () => expect(changes).toContainEqual(expect.objectContaining({ identity: 'FW-OK', firmwareStatus: 'Installed', firmwareVersion: '2.0.0' })));
  });

  it('TC_044_2 download failed: DownloadFailed is shown, the firmware stays', async () => {
    await wallbox('FW-NODL', { download: true });
    const answer = await system.api('/api/charge-points/FW-NODL/firmware', {
      method: 'POST',
      body: { location: `${system.services.apiUrl}/api/firmware/${'A'.repeat(43)}/missing.bin`, retrieveDate: retrieveDate() },
    });
    expect(answer).toEqual({ status: 200, body: {} });
    await expect.poll(() => firmware('FW-NODL'), { timeout: SLOW_MS }).toMatchObject({ firmwareStatus: 'DownloadFailed', firmwareVersion: '1.0.0' });
    expect(await reported('FW-NODL')).toEqual(['boot 1.0.0', 'Downloading', 'DownloadFailed']);
  });

  it('TC_044_3 installation failed: InstallationFailed is shown, no restart, the firmware stays', async () => {
    await wallbox('FW-NOINST', { installation: true });
    await uploadImage('wall-3.0.0.bin', '3.0.0', Buffer.from('firmwareVersion=3.0.0\nimage'));
    expect(await system.api('/api/charge-points/FW-NOINST/firmware', { method: 'POST', body: { image: 'wall-3.0.0.bin', retrieveDate: retrieveDate() } })).toEqual({
      status: 200,
      body: {},
    });
    await expect.poll(() => firmware('FW-NOINST'), { timeout: SLOW_MS }).toMatchObject({ firmwareStatus: 'InstallationFailed', firmwareVersion: '1.0.0' });
    expect(await reported('FW-NOINST')).toEqual(['boot 1.0.0', 'Downloading', 'Downloaded', 'Installing', 'InstallationFailed']);
  });

  it('TC_045_1 GetDiagnostics: the wallbox uploads to the CSMS’s own URL, and the file is listed and downloadable', async () => {
    await wallbox('FW-DIAG');
    const info = await system.api<{ diagnosticsUploadUrl: string }>('/api/connection-info?identity=FW-DIAG');
    expect(info.body.diagnosticsUploadUrl).toMatch(new RegExp(`/api/uploads/diagnostics/FW-DIAG/${TOKEN_PATH.source}/$`));

    const answer = await system.api<{ fileName: string }>('/api/charge-points/FW-DIAG/diagnostics', { method: 'POST', body: {} });
    expect(answer.status).toBe(200);
    const { fileName } = answer.body;
    expect(fileName).toMatch(/^diagnostics-FW-DIAG-.+\.log$/);
    await expect.poll(() => firmware('FW-DIAG'), { timeout: SLOW_MS }).toMatchObject({ diagnosticsStatus: 'Uploaded' });
    expect(await reported('FW-DIAG')).toEqual(['boot 1.0.0', 'Uploading', `file ${fileName}`, 'Uploaded']);

    const files = await system.api<{ name: string; size: number; sha256: string }[]>('/api/charge-points/FW-DIAG/diagnostics-files');
    expect(files.body).toEqual([{ name: fileName, size: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), uploadedAt: expect.any(String) }]);
    const download = await fetch(`${system.services.apiUrl}/api/charge-points/FW-DIAG/diagnostics-files/${fileName}`, {
      headers: { authorization: `Bearer ${system.env.API_TOKEN}` },
    });
    const content = Buffer.from(await download.arrayBuffer());
    expect(download.status).toBe(200);
    expect(content.toString()).toContain('identity: FW-DIAG');
    expect(createHash('sha256').update(content).digest('hex')).toBe(files.body[0].sha256);
    await eventually(async () => expect(changes).toContainEqual(expect.objectContaining({ identity: 'FW-DIAG', diagnosticsStatus: 'Uploaded' })));
  });

  it('TC_045_2 upload failed: UploadFailed is shown and no file is kept', async () => {
    await wallbox('FW-NOUP', { upload: true });
    const answer = await system.api<{ fileName: string }>('/api/charge-points/FW-NOUP/diagnostics', { method: 'POST', body: {} });
    expect(answer.status).toBe(200);
    await expect.poll(() => firmware('FW-NOUP'), { timeout: SLOW_MS }).toMatchObject({ diagnosticsStatus: 'UploadFailed' });
    expect(await reported('FW-NOUP')).toEqual(['boot 1.0.0', 'Uploading', 'UploadFailed']);
    expect((await system.api('/api/charge-points/FW-NOUP/diagnostics-files')).body).toEqual([]);
  });

  it('bad input is 400 naming the field; an offline wallbox 409', async () => {
    const firmwareFor = (body: unknown) => system.api<{ message: string[] }>('/api/charge-points/FW-OK/firmware', { method: 'POST', body });
    expect(await firmwareFor({ location: 'http://x/y.bin' })).toMatchObject({ status: 400, body: { message: ['retrieveDate must be an RFC 3339 date-time'] } });
    expect(await firmwareFor({ location: 'no uri', retrieveDate: retrieveDate() })).toMatchObject({ status: 400, body: { message: ['location must be an absolute URI (RFC 3986)'] } });
    expect(await system.api('/api/charge-points/FW-OK/diagnostics', { method: 'POST', body: { retries: 'three' } })).toMatchObject({ status: 400 });

    const parked = await wallbox('FW-PARKED');
    await parked.close();
    await expect.poll(async () => (await firmware('FW-PARKED')).online, { timeout: SLOW_MS }).toBe(false);
    expect((await system.api('/api/charge-points/FW-PARKED/firmware', { method: 'POST', body: { location: 'http://x/y.bin', retrieveDate: retrieveDate() } })).status).toBe(409);
    expect((await system.api('/api/charge-points/FW-PARKED/diagnostics', { method: 'POST', body: {} })).status).toBe(409);
  });
});
