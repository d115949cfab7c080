import { createHash, randomBytes, sign } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCertificateAuthority, issueCertificate, type IssuedCertificate } from '@voltstream/launcher';
import type { SimulatedChargePoint } from '@voltstream/simulator';
import { firmwareWallbox, followChargePoints, reportedLines, uploadImage } from './support/firmware';
import { startSystem, type System } from './support/system';
import { chargePoint, eventually, SLOW_MS } from './support/wallboxes';

/** What the charge point shows of logs and firmware. */
interface LogsAndFirmwareView {
  online: boolean;
  firmwareVersion: string | null;
  firmwareStatus: string | null;
  logStatus: string | null;
  logStatusAt: string | null;
}

describe('logs and signed firmware of the security whitepaper end to end (TC_079, TC_080, TC_081; SPEC §10), the simulator as the wallbox', () => {
  let system: System;
  const wallboxes: SimulatedChargePoint[] = [];
  let live: Client;
  const changes: (LogsAndFirmwareView & { identity: string })[] = [];
  /** The manufacturer's firmware signing certificate and key (ECDSA P-256). */
  let signer: IssuedCertificate;

  const view = async (identity: string) => (await chargePoint(system, identity)) as unknown as LogsAndFirmwareView;
  const now = () => new Date().toISOString();
  const signatureOf = (image: Buffer, keyPem = signer.keyPem) => sign('sha256', image, keyPem).toString('base64');

  /** What a wallbox reported, as recorded in the event log, with the boots and security events between. */
  const reported = (identity: string) =>
    reportedLines(system, identity, (event) => {
      if (event.type === 'LogStatusReported' || event.type === 'SignedFirmwareStatusReported') return `${event.data.status} ${event.data.requestId}`;
      if (event.type === 'ChargePointBooted') return `boot ${event.data.firmwareVersion ?? ''}`;
      if (event.type === 'DiagnosticsFileUploaded') return `file ${event.data.name}`;
      if (event.type === 'SecurityEventReported') return `security event ${event.data.type}`;
      return undefined;
    });

  async function wallbox(identity: string, failures = {}): Promise<SimulatedChargePoint> {
    const cp = await firmwareWallbox(system, identity, failures);
    wallboxes.push(cp);
    return cp;
  }

  async function upload(name: string, version: string, content: Buffer): Promise<void> {
    expect((await uploadImage(system, name, version, content)).status).toBe(201);
  }

  beforeAll(async () => {
    const manufacturer = await createCertificateAuthority('Wallbox Manufacturer Root');
    signer = await issueCertificate(manufacturer, { commonName: 'Wallbox Firmware Signing', usage: 'client' });
    system = await startSystem({ OCPP_CALL_TIMEOUT: '5' });
    live = followChargePoints(system, 'identity online firmwareVersion firmwareStatus logStatus logStatusAt', changes);
  }, 60_000);

  afterAll(async () => {
    await live?.dispose();
    await Promise.all(wallboxes.map((cp) => cp.close()));
    await system?.stop();
  });

  it('TC_079 GetLog: the wallbox uploads its security log to the CSMS’s own URL; listed, downloadable, logStatus in REST, GraphQL and the subscription', async () => {
    await wallbox('LOG-OK');
    const answer = await system.api<{ status: string; filename: string; requestId: number }>('/api/charge-points/LOG-OK/logs', {
      method: 'POST',
      body: { logType: 'SecurityLog', requestId: 79 },
    });
    expect(answer).toEqual({ status: 200, body: { status: 'Accepted', filename: expect.stringMatching(/^security-LOG-OK-.+\.log$/), requestId: 79 } });
    const { filename } = answer.body;
    await expect.poll(() => view('LOG-OK'), { timeout: SLOW_MS }).toMatchObject({ logStatus: 'Uploaded', logStatusAt: expect.any(String) });
    expect(await reported('LOG-OK')).toEqual(['boot 1.0.0', 'Uploading 79', `file ${filename}`, 'Uploaded 79']);

    const files = await system.api<{ name: string; sha256: string }[]>('/api/charge-points/LOG-OK/diagnostics-files');
    expect(files.body.map((file) => file.name)).toEqual([filename]);
    const download = await fetch(`${system.services.apiUrl}/api/charge-points/LOG-OK/diagnostics-files/${filename}`, {
      headers: { authorization: `Bearer ${system.env.API_TOKEN}` },
    });
    const content = Buffer.from(await download.arrayBuffer());
    expect(content.toString()).toContain('logType: SecurityLog');
    expect(createHash('sha256').update(content).digest('hex')).toBe(files.body[0].sha256);

    const graphql = await system.api<{ data?: { getLog: { status: string; requestId: number }; chargePoint: { logStatus: string } } }>('/graphql', {
      method: 'POST',
      body: { query: 'mutation { getLog(identity: "LOG-OK", logType: DiagnosticsLog) { status requestId filename } }' },
    });
    expect(graphql.body.data?.getLog).toMatchObject({ status: 'Accepted', requestId: expect.any(Number) });
    await eventually(async () => expect(changes).toContainEqual(expect.objectContaining({ identity: 'LOG-OK', logStatus: 'Uploaded' })));
  });

  it('TC_079 upload failure: UploadFailure is shown and no file is kept', async () => {
    await wallbox('LOG-NOUP', { upload: true });
    const answer = await system.api('/api/charge-points/LOG-NOUP/logs', { method: 'POST', body: { logType: 'DiagnosticsLog', requestId: 8 } });
    expect(answer).toMatchObject({ status: 200, body: { status: 'Accepted' } });
    await expect.poll(() => view('LOG-NOUP'), { timeout: SLOW_MS }).toMatchObject({ logStatus: 'UploadFailure' });
    expect(await reported('LOG-NOUP')).toEqual(['boot 1.0.0', 'Uploading 8', 'UploadFailure 8']);
    expect((await system.api('/api/charge-points/LOG-NOUP/diagnostics-files')).body).toEqual([]);
  });

  it('TC_080 signed firmware update: the wallbox verifies the signature, installs and boots with the new version', async () => {
    await wallbox('SFW-OK');
    const image = Buffer.concat([Buffer.from('firmwareVersion=2.1.0\n'), randomBytes(100_000)]);
    await upload('signed-2.1.0.bin', '2.1.0', image);
    const body = { image: 'signed-2.1.0.bin', retrieveDateTime: now(), signingCertificate: signer.certPem, signature: signatureOf(image), requestId: 80 };
    expect(await system.api('/api/charge-points/SFW-OK/signed-firmware', { method: 'POST', body })).toEqual({ status: 200, body: { status: 'Accepted', requestId: 80 } });
    await expect.poll(() => view('SFW-OK'), { timeout: SLOW_MS }).toMatchObject({ firmwareStatus: 'Installed', firmwareVersion: '2.1.0', online: true });
    expect(await reported('SFW-OK')).toEqual([
      'boot 1.0.0',
      'Downloading 80',
      'Downloaded 80',
      'SignatureVerified 80',
      'Installing 80',
      'InstallRebooting 80',
      'boot 2.1.0',
      'Installed 80',
    ]);
    await eventually(async () => expect(changes).toContainEqual(expect.objectContaining({ identity: 'SFW-OK', firmwareStatus: 'Installed' })));
  });

  it('TC_081 invalid signature: InvalidSignature, the security event InvalidFirmwareSignature is listed, the firmware stays', async () => {
    await wallbox('SFW-BAD');
    const image = Buffer.from('firmwareVersion=6.6.6\ntampered');
    await upload('tampered.bin', '6.6.6', image);
    const signature = signatureOf(Buffer.from('firmwareVersion=6.6.6\nas signed'));
    const body = { image: 'tampered.bin', retrieveDateTime: now(), signingCertificate: signer.certPem, signature, requestId: 81 };
    expect(await system.api('/api/charge-points/SFW-BAD/signed-firmware', { method: 'POST', body })).toEqual({ status: 200, body: { status: 'Accepted', requestId: 81 } });
    await expect.poll(() => view('SFW-BAD'), { timeout: SLOW_MS }).toMatchObject({ firmwareStatus: 'InvalidSignature', firmwareVersion: '1.0.0' });
    await eventually(async () =>
      expect(await reported('SFW-BAD')).toEqual(['boot 1.0.0', 'Downloading 81', 'Downloaded 81', 'InvalidSignature 81', 'security event InvalidFirmwareSignature']),
    );
    const events = await eventually(async () => {
      const page = await system.api<{ items: { type: string }[] }>('/api/charge-points/SFW-BAD/security-events');
      expect(page.body.items.map((item) => item.type)).toEqual(['InvalidFirmwareSignature']);
      return page.body.items;
    });
    expect(events).toHaveLength(1);
  });

  it('bad input to the new routes is 400 naming the field', async () => {
    const post = (path: string, body: unknown) => system.api<{ message: string[] }>(`/api/charge-points/LOG-OK/${path}`, { method: 'POST', body });
    const signed = { image: 'signed-2.1.0.bin', retrieveDateTime: now(), signingCertificate: signer.certPem, signature: 'c2ln' };
    expect(await post('logs', { logType: 'AuditLog' })).toMatchObject({ status: 400, body: { message: ['logType must be one of DiagnosticsLog, SecurityLog'] } });
    expect(await post('logs', { logType: 'SecurityLog', location: 'no uri' })).toMatchObject({ status: 400, body: { message: ['location must be an absolute URI (RFC 3986)'] } });
    expect(await post('logs', { logType: 'SecurityLog', requestId: -1 })).toMatchObject({ status: 400, body: { message: [expect.stringContaining('requestId')] } });
    expect(await post('logs', { logType: 'SecurityLog', oldestTimestamp: 'yesterday' })).toMatchObject({
      status: 400,
      body: { message: ['oldestTimestamp must be an RFC 3339 date-time'] },
    });
    expect(await post('signed-firmware', { ...signed, signingCertificate: 'not a certificate' })).toMatchObject({
      status: 400,
      body: { message: ['signingCertificate must be an X.509 certificate in PEM'] },
    });
    expect(await post('signed-firmware', { ...signed, signature: 'not base64!' })).toMatchObject({ status: 400, body: { message: ['signature must be base64'] } });
    expect(await post('signed-firmware', { ...signed, signature: 'A'.repeat(804) })).toMatchObject({ status: 400, body: { message: [expect.stringContaining('signature')] } });
    expect(await post('signed-firmware', { ...signed, image: undefined })).toMatchObject({
      status: 400,
      body: { message: expect.arrayContaining(['location or image is required']) },
    });
    expect(await post('signed-firmware', { ...signed, retrieveDateTime: undefined })).toMatchObject({
      status: 400,
      body: { message: ['retrieveDateTime must be an RFC 3339 date-time'] },
    });
    expect(await post('signed-firmware', { ...signed, image: 'é'.repeat(100) })).toMatchObject({ status: 400, body: { message: [expect.stringMatching(/^image gives a URL of \d+ characters/)] } });
    expect((await post('signed-firmware', { ...signed, image: 'missing.bin' })).status).toBe(404);
    const graphql = await system.api<{ errors?: { message: string; extensions?: { code?: string } }[] }>('/graphql', {
      method: 'POST',
      body: {
        query: 'mutation($pem: String!) { signedUpdateFirmware(identity: "LOG-OK", image: "signed-2.1.0.bin", retrieveDateTime: "soon", signingCertificate: $pem, signature: "c2ln") { status } }',
        variables: { pem: signer.certPem },
      },
    });
    expect(graphql.body.errors?.[0]).toMatchObject({ message: expect.stringContaining('retrieveDateTime must be an RFC 3339 date-time'), extensions: { code: 'BAD_USER_INPUT' } });
  });
});
