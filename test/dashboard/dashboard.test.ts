import { sign } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { createCertificateAuthority } from '@voltstream/certificates';
import { entryPoint } from '@voltstream/launcher';
import type { SimulatedChargePoint } from '@voltstream/simulator';
import { startSystem, type System } from '../e2e/support/system';
import { simulatedWallbox, SLOW_MS } from '../e2e/support/wallboxes';
import { openBrowser, type Browser } from './browser';

const TOKEN = 'e2e-operator-token';
const IDENTITY = 'CARPORT-1';
const DRIVER = 'DRIVER-0001';
const PAGE_MS = 60_000;
/** How long one look at the page may wait for its element, so that a poll keeps polling. */
const POLL_MS = 1_000;
/** The launcher restarts a service a second after it died; the API then starts in a few seconds, more on a busy machine. */
const API_RESTART_MS = 30_000;

/** Waits, as the operator would, until the text shown holds what is expected. */
const shows = (locator: Locator, text: string | RegExp) =>
  expect.poll(() => locator.first().innerText({ timeout: POLL_MS }), { timeout: SLOW_MS, interval: 100 }).toMatch(text);

describe('the operator dashboard, in a real browser against the running system and a simulated wallbox (end to end)', () => {
  let system: System;
  let browser: Browser;
  let wallbox: SimulatedChargePoint;
  let transactionId: number;

  const page = () => browser.page;
  const connectorField = (connectorId: number, field: string) => page().locator(`[data-connector="${connectorId}"] [data-field="${field}"] dd`);
  const connectorCard = (connectorId: number) => page().locator(`[data-connector="${connectorId}"]`);
  const section = (name: string) => page().getByRole('region', { name, exact: true });
  /** The answer shown beside the control that sent the command. */
  const answerTo = (button: string | RegExp) =>
    page()
      .locator('.command, form.inline')
      .filter({ has: page().getByRole('button', { name: button, exact: typeof button === 'string' }) })
      .getByRole('status');

  beforeAll(async () => {
    [system, browser] = await Promise.all([startSystem({}, undefined, { restart: true }), openBrowser()]);
    wallbox = simulatedWallbox(system, IDENTITY, {
      vendor: 'Voltwerk',
      model: 'VW-22',
      serialNumber: 'SN-0042',
      firmwareVersion: '1.4.2',
      securityEventOnBoot: 'StartupOfTheDevice',
    });
    const owner = { firstName: 'Dana', lastName: 'Driver', email: 'dana@example.com' };
    expect((await system.api(`/api/tags/${DRIVER}`, { method: 'PUT', body: owner })).status).toBe(201);
  }, PAGE_MS);
  afterAll(async () => {
    await wallbox?.close();
    await browser?.close();
    await system?.stop();
  });

  it('serves the dashboard at /; a wrong token gets a clear message, the right one signs in and stays out of the URL', async () => {
    await page().goto(`${system.services.apiUrl}/`);
    await page().getByLabel('API token').fill('not-the-token');
    await page().getByRole('button', { name: 'Sign in' }).click();
    await shows(page().getByRole('alert'), /refused this token/);
    await browser.screenshot('sign-in-refused');

    await page().getByLabel('API token').fill(TOKEN);
    await page().getByRole('button', { name: 'Sign in' }).click();
    await page().getByRole('heading', { name: 'Fleet' }).waitFor({ timeout: SLOW_MS });
    expect(page().url()).not.toContain(TOKEN);
    expect(await page().evaluate('Object.values(sessionStorage)')).toEqual([TOKEN]);
  }, PAGE_MS);

  it('answers a deep link with the dashboard, and leaves the API, its docs and GraphQL to the API', async () => {
    const { apiUrl } = system.services;
    expect(await (await fetch(`${apiUrl}/transactions/42`)).text()).toContain('<div id="root">');
    expect((await fetch(`${apiUrl}/api/docs-json`)).headers.get('content-type')).toContain('application/json');
    expect((await fetch(`${apiUrl}/api/fleet`)).status).toBe(401);
    expect((await fetch(`${apiUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' })).status).toBe(401);
  });

  it('a wallbox that connects appears live among the discovered, and one click adopts it with the start mode chosen', async () => {
    await wallbox.connect();
    expect((await wallbox.boot()).status).toBe('Pending');
    const discovered = page().locator(`.discovered li[data-identity="${IDENTITY}"]`);
    await discovered.waitFor({ timeout: SLOW_MS });
    await browser.screenshot('fleet-discovered');

    await discovered.getByLabel(`Start mode for ${IDENTITY}`).selectOption('anyTag');
    await discovered.getByRole('button', { name: `Adopt ${IDENTITY}` }).click();
    const row = page().locator(`tr[data-identity="${IDENTITY}"]`);
    await row.waitFor({ timeout: SLOW_MS });
    await expect.poll(() => wallbox.registrationStatus, { timeout: SLOW_MS }).toBe('Accepted');
    await shows(row, /Online/);
    await browser.screenshot('fleet');
  }, PAGE_MS);

  it('remote start is answered Accepted; the connector goes Charging and its consumption grows live', async () => {
    await page().getByRole('link', { name: IDENTITY }).click();
    await page().getByRole('heading', { name: IDENTITY }).waitFor({ timeout: SLOW_MS });
    await shows(connectorField(1, 'Status'), 'Available');

    await connectorCard(1).getByLabel('Id tag to start connector 1 with').fill(DRIVER);
    await connectorCard(1).getByRole('button', { name: 'Remote start: connector 1' }).click();
    await shows(answerTo('Remote start: connector 1'), 'Accepted');
    await shows(connectorField(1, 'Status'), 'Charging');
    await shows(connectorField(1, 'Id tag'), DRIVER);
    transactionId = Number(await connectorField(1, 'Transaction id').innerText());
    expect(transactionId).toBe(wallbox.transactionOn(1));

    const start = wallbox.meterOf(1);
    for (const [wh, watts] of [[120, 7200], [240, 7300], [370, 7500], [480, 6900]]) {
      await wallbox.call('MeterValues', { connectorId: 1, transactionId, meterValue: [powerSample(watts)] });
      await wallbox.meterValues(1, start + wh, transactionId);
      await shows(connectorField(1, 'Consumption'), `${(wh / 1000).toFixed(2)} kWh`);
    }
    await browser.screenshot('charge-point-charging');
  }, PAGE_MS);

  it('remote stop is answered Accepted and the transaction ends', async () => {
    await connectorCard(1).getByRole('button', { name: 'Remote stop: connector 1' }).click();
    await shows(answerTo('Remote stop: connector 1'), 'Accepted');
    await shows(connectorField(1, 'Transaction'), 'none');
    await shows(connectorField(1, 'Meter end'), /kWh/);
  }, PAGE_MS);

  it("the transaction's page charts its power and energy from its meter values", async () => {
    await connectorField(1, 'Transaction id').getByRole('link').click();
    await page().getByRole('heading', { name: `Transaction ${transactionId}` }).waitFor({ timeout: SLOW_MS });
    await shows(page().getByTestId('chart-summary'), /energy readings, 0\.48 kWh delivered; peak 7\.50 kW \(power as measured\)/);
    await page().locator('.chart canvas').waitFor({ timeout: SLOW_MS });
    await browser.screenshot('transaction-chart');
  }, PAGE_MS);

  it('switching a connector unavailable shows the wallbox’s answer and the new status live', async () => {
    await page().goto(`${system.services.apiUrl}/charge-points/${IDENTITY}`);
    await connectorCard(2).getByRole('button', { name: 'Make unavailable: connector 2' }).click();
    // The control turns into "Make available" as the status changes; its answer stays beside it.
    await shows(answerTo(/^Make (un)?available: connector 2$/), 'Accepted');
    await shows(connectorField(2, 'Status'), 'Unavailable');
    await shows(connectorField(2, 'Available'), 'no');
    await browser.screenshot('charge-point');
  }, PAGE_MS);

  it('reserves connector 1 for a tag and cancels the reservation, each answer beside its control', async () => {
    const reservations = section('Reservations');
    await reservations.getByLabel('Connector').selectOption('1');
    await reservations.getByLabel('Id tag to reserve for').fill(DRIVER);
    await reservations.getByRole('button', { name: 'Reserve', exact: true }).click();
    await shows(answerTo('Reserve'), 'Accepted');
    await shows(connectorField(1, 'Status'), 'Reserved');
    const reservation = reservations.locator('tbody tr').first();
    await shows(reservation, new RegExp(`1\\s+${DRIVER}.*accepted`, 's'));
    await browser.screenshot('charge-point-reservation');

    await reservation.getByRole('button', { name: /^Cancel reservation/ }).click();
    await shows(answerTo(/^Cancel reservation/), 'Accepted');
    await shows(reservation, /cancelled/);
    await shows(connectorField(1, 'Status'), 'Available');
  }, PAGE_MS);

  it('sets a default charging profile with a limit and shows the composite schedule the wallbox makes of it', async () => {
    const profiles = section('Charging profiles');
    await profiles.getByLabel('Limit').fill('10');
    await profiles.getByRole('button', { name: 'Set profile' }).click();
    await shows(answerTo('Set profile'), 'Accepted');
    await shows(profiles.getByRole('list', { name: 'Installed charging profiles' }), /TxDefaultProfile.*10 A/s);

    await profiles.getByRole('form', { name: 'Get the composite schedule' }).getByLabel('Connector').selectOption('1');
    await profiles.getByRole('button', { name: 'Get the next hour’s schedule' }).click();
    await shows(answerTo('Get the next hour’s schedule'), 'Accepted');
    await shows(profiles.getByRole('table', { name: 'Composite schedule' }), /10 A/);
    await browser.screenshot('charge-point-charging-profile');

    await profiles.getByRole('button', { name: /^Clear the default/ }).click();
    await shows(answerTo(/^Clear the default/), 'Accepted');
    await shows(profiles, /No charging profile installed/);
  }, PAGE_MS);

  it('a reservation and a charging profile made elsewhere (through the REST API) show on the page live, and go as they are cancelled and cleared', async () => {
    const reservations = section('Reservations');
    const expiresAt = new Date(Date.now() + 30 * 60_000).toISOString();
    const reserved = await system.api<{ reservationId: number }>(`/api/charge-points/${IDENTITY}/reservations`, { method: 'POST', body: { connectorId: 1, idTag: 'ELSEWHERE-1', expiresAt } });
    const row = reservations.locator(`tr[data-reservation="${reserved.body.reservationId}"]`);
    await shows(row, /1\s+ELSEWHERE-1.*accepted/s);
    expect(await system.api(`/api/reservations/${reserved.body.reservationId}`, { method: 'DELETE' })).toEqual({ status: 200, body: { status: 'Accepted' } });
    await shows(row, /cancelled/);

    const profiles = section('Charging profiles');
    const profile = {
      chargingProfileId: 9,
      stackLevel: 0,
      chargingProfilePurpose: 'ChargePointMaxProfile',
      chargingProfileKind: 'Absolute',
      chargingSchedule: { chargingRateUnit: 'A', startSchedule: new Date().toISOString(), chargingSchedulePeriod: [{ startPeriod: 0, limit: 24 }] },
    };
    expect(await system.api(`/api/charge-points/${IDENTITY}/charging-profiles`, { method: 'PUT', body: { connectorId: 0, csChargingProfiles: profile } })).toEqual({ status: 200, body: { status: 'Accepted' } });
    await shows(profiles.getByRole('list', { name: 'Installed charging profiles' }), /ChargePointMaxProfile.*24 A/s);
    expect(await system.api(`/api/charge-points/${IDENTITY}/charging-profiles?id=9`, { method: 'DELETE' })).toEqual({ status: 200, body: { status: 'Accepted' } });
    await shows(profiles, /No charging profile installed/);
  }, PAGE_MS);

  it('lists the transaction, and sums its energy on the consumption page', async () => {
    await page().getByRole('link', { name: 'Transactions' }).click();
    await shows(page().locator('tbody'), new RegExp(`${transactionId}\\s+${IDENTITY}`));
    await browser.screenshot('transactions');

    await page().getByRole('link', { name: 'Consumption' }).click();
    await shows(page().getByRole('table'), new RegExp(`${IDENTITY}\\s+0\\.48 kWh`));
    await page().getByLabel('Tag owner').check();
    await shows(page().getByRole('table'), /Dana Driver DRIVER-0001\s+0\.48 kWh/);
    await browser.screenshot('consumption');
  }, PAGE_MS);

  it('edits a tag of the central list: the owner and blocked are saved', async () => {
    await page().getByRole('link', { name: 'Tags' }).click();
    await page().getByRole('button', { name: `Edit ${DRIVER}` }).click();
    await page().getByLabel('Last name').fill('Drivewell');
    await page().getByLabel('Blocked').check();
    await page().getByRole('button', { name: 'Save' }).click();
    const row = page().locator(`tr[data-id-tag="${DRIVER}"]`);
    await shows(row, /Dana Drivewell.*blocked/s);
    await browser.screenshot('tags');
    expect((await system.api(`/api/tags/${DRIVER}`)).body).toMatchObject({ lastName: 'Drivewell', firstName: 'Dana', blocked: true });
  }, PAGE_MS);

  it('a command to a wallbox that went offline says so beside the control', async () => {
    await page().goto(`${system.services.apiUrl}/charge-points/${IDENTITY}`);
    await page().getByRole('heading', { name: IDENTITY }).waitFor();
    // However soon after the page's read the wallbox goes, the page follows: its subscription starts with the state now.
    await wallbox.close();
    await shows(page().locator('.title-row'), /Offline/);
    await connectorCard(1).getByRole('button', { name: 'Unlock: connector 1' }).click();
    await shows(answerTo('Unlock: connector 1'), 'Offline');
  }, PAGE_MS);

  it('after the API restarts, the page reads again what changed meanwhile and follows the changes again', async () => {
    process.kill(await apiPid(), 'SIGKILL');
    // While the API is down (the launcher restarts it after a second), the wallbox comes back.
    wallbox = simulatedWallbox(system, IDENTITY);
    await wallbox.connect();
    expect((await wallbox.boot()).status).toBe('Accepted');
    const health = () => fetch(`${system.services.apiUrl}/api/health`).then(({ status }) => status, () => 0);
    await expect.poll(health, { timeout: API_RESTART_MS, interval: 200 }).toBe(200);
    await shows(page().locator('.title-row'), /Online/);
    await wallbox.authorize('AFTER-RESTART');
    await shows(page().locator('[data-field="Last id tag"]'), 'AFTER-RESTART');
  }, PAGE_MS);

  it('uploads a firmware image and installs it: the wallbox accepts, reports its progress and boots with it; diagnostics are listed once uploaded', async () => {
    const firmware = section('Firmware, diagnostics and logs');
    await firmware.getByLabel('Firmware image', { exact: true }).setInputFiles({ name: 'vw-2.0.0.bin', mimeType: 'application/octet-stream', buffer: Buffer.from('firmwareVersion=2.0.0\nimage') });
    await firmware.getByLabel('Version it installs').fill('2.0.0');
    await firmware.getByRole('button', { name: 'Upload' }).click();
    await shows(firmware.getByRole('form', { name: 'Upload a firmware image' }).getByRole('status'), 'Uploaded vw-2.0.0.bin');
    await firmware.getByLabel('Image to install').selectOption('vw-2.0.0.bin');
    await firmware.getByRole('button', { name: 'Update firmware' }).click();
    await shows(answerTo('Update firmware'), 'Accepted');
    await shows(firmware.locator('[data-field="Firmware status"] dd'), /^Installed/);
    await shows(page().locator('[data-field="Firmware"] dd'), '2.0.0');

    await firmware.getByRole('button', { name: 'Get diagnostics' }).click();
    await shows(answerTo('Get diagnostics'), 'Accepted');
    await shows(firmware.locator('[data-field="Diagnostics status"] dd'), /^Uploaded/);
    await shows(firmware.getByRole('list', { name: 'Diagnostics and log files' }), /bytes/);
    await browser.screenshot('charge-point-firmware');
  }, PAGE_MS);

  it('shows the security profile and the security events the wallbox reported; a password rotation is answered', async () => {
    const security = section('Security');
    await shows(security.getByTestId('security-profile'), /^0: no authentication/);
    await shows(security.getByRole('table', { name: 'Security events, newest first' }), /StartupOfTheDevice/);
    await security.getByRole('button', { name: 'Rotate password' }).click();
    await shows(answerTo('Rotate password'), 'Accepted');
    await shows(security.getByTestId('new-password'), /^\S{16,40}$/);
    await shows(security, /a password is set/);
    await browser.screenshot('charge-point-security');
  }, PAGE_MS);

  it('installs a root certificate picked from a file: the wallbox accepts, it is listed, the wallbox asked for its ids confirms it, and it is deleted from the list', async () => {
    const root = await createCertificateAuthority('Dashboard Test Root');
    const certificates = section('Certificates');
    await certificates.getByLabel('Certificate file').setInputFiles({ name: 'root.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(root.certPem) });
    await expect.poll(() => certificates.getByLabel('Certificate (PEM)').inputValue(), { timeout: SLOW_MS }).toBe(root.certPem);
    await certificates.getByRole('button', { name: 'Install certificate' }).click();
    await shows(answerTo('Install certificate'), 'Accepted');
    const installed = certificates.getByRole('table', { name: 'Installed certificates' });
    await shows(installed, /CentralSystemRootCertificate/);

    await certificates.getByRole('button', { name: 'Ask the wallbox for its certificates' }).click();
    await shows(answerTo('Ask the wallbox for its certificates'), 'Accepted');
    await shows(installed, /CentralSystemRootCertificate/);
    expect(wallbox.certificates.pems('CentralSystemRootCertificate')).toEqual([root.certPem]);
    await browser.screenshot('charge-point-certificates');

    await installed.getByRole('button', { name: /^Delete certificate / }).click();
    await shows(certificates.getByTestId('delete-answer'), /^Delete certificate [0-9a-f]+:\s+Accepted$/);
    await shows(certificates, /No certificate known to be installed/);
    expect(wallbox.certificates.pems('CentralSystemRootCertificate')).toEqual([]);
  }, PAGE_MS);

  it('renews the wallbox’s certificate: it sends a signing request, the CSMS signs it, the wallbox accepts the chain, and the signing state follows live', async () => {
    const certificates = section('Certificates');
    const signing = certificates.locator('[data-field="Certificate signing"] dd');
    await shows(signing, '—');
    // The wallbox accepts a chain it can verify: the CSMS's root first, installed as an operator would.
    const csmsRoot = await readFile(system.env.CSMS_CA_CERT, 'utf8');
    await certificates.getByLabel('Certificate file').setInputFiles({ name: 'csms-root.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(csmsRoot) });
    await expect.poll(() => certificates.getByLabel('Certificate (PEM)').inputValue(), { timeout: SLOW_MS }).toBe(csmsRoot);
    await certificates.getByRole('button', { name: 'Install certificate' }).click();
    await shows(answerTo('Install certificate'), 'Accepted');

    await certificates.getByRole('button', { name: 'Renew the wallbox’s certificate' }).click();
    await shows(answerTo('Renew the wallbox’s certificate'), 'Accepted');
    await shows(signing, /^Accepted \(/);
    expect(wallbox.certificates.chargePointCertificate).toBeDefined();
    await browser.screenshot('charge-point-certificate-signed');
  }, PAGE_MS);

  it('asks the wallbox for its security log: GetLog is accepted, the log status reaches Uploaded and the file is listed', async () => {
    const logs = section('Firmware, diagnostics and logs');
    await logs.getByLabel('Log to upload').selectOption('SecurityLog');
    await logs.getByRole('button', { name: 'Get log' }).click();
    await shows(answerTo('Get log'), 'Accepted');
    await shows(logs.locator('[data-field="Log status"] dd'), /^Uploaded/);
    await shows(logs.getByRole('list', { name: 'Diagnostics and log files' }), new RegExp(`security-${IDENTITY}-\\S+\\.log`));
    await browser.screenshot('charge-point-logs');
  }, PAGE_MS);

  it('installs a signed firmware image: the signing certificate and the signature picked as files, the wallbox verifies and boots with it', async () => {
    const firmware = section('Firmware, diagnostics and logs');
    const signer = await createCertificateAuthority('Dashboard Test Firmware Signer');
    const image = Buffer.from('firmwareVersion=2.1.0\nsigned image');
    await firmware.getByLabel('Firmware image', { exact: true }).setInputFiles({ name: 'vw-2.1.0.bin', mimeType: 'application/octet-stream', buffer: image });
    await firmware.getByLabel('Version it installs').fill('2.1.0');
    await firmware.getByRole('button', { name: 'Upload' }).click();
    await shows(firmware.getByRole('form', { name: 'Upload a firmware image' }).getByRole('status'), 'Uploaded vw-2.1.0.bin');

    const signed = firmware.getByRole('form', { name: 'Signed firmware update' });
    await signed.getByLabel('Signed firmware image').selectOption('vw-2.1.0.bin');
    await signed.getByLabel('Signing certificate file').setInputFiles({ name: 'signer.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(signer.certPem) });
    const signature = sign('sha256', image, signer.keyPem);
    await signed.getByLabel('Signature file').setInputFiles({ name: 'vw-2.1.0.sig', mimeType: 'application/octet-stream', buffer: signature });
    await expect.poll(() => signed.getByLabel('Signature (base64)').inputValue(), { timeout: SLOW_MS }).toBe(signature.toString('base64'));
    await signed.getByRole('button', { name: 'Signed update' }).click();
    await shows(answerTo('Signed update'), 'Accepted');
    await shows(firmware.locator('[data-field="Firmware status"] dd'), /^Installed/);
    await shows(page().locator('[data-field="Firmware"] dd'), '2.1.0');
    await browser.screenshot('charge-point-signed-firmware');
  }, PAGE_MS);

  it('raising the wallbox’s security profile shows its answer: a refusal keeps the profile, an acceptance enforces the higher one', async () => {
    const security = section('Security');
    const raise = security.getByRole('form', { name: 'Raise the wallbox’s profile' });
    // The simulated wallbox has a password (rotated above) but no wss:// URL: it can run profile 1, not 2.
    await raise.getByLabel('Profile to raise to').selectOption('2');
    await raise.getByRole('button', { name: 'Raise the wallbox’s profile' }).click();
    await shows(raise.getByRole('status'), /answered Rejected: its security profile stays 0/);
    await shows(security.getByTestId('security-profile'), /^0: no authentication/);

    await raise.getByLabel('Profile to raise to').selectOption('1');
    await raise.getByRole('button', { name: 'Raise the wallbox’s profile' }).click();
    await shows(raise.getByRole('status'), 'Accepted: profile 0 → 1');
    await shows(security.getByTestId('security-profile'), /^1: HTTP Basic/);
    await expect.poll(() => wallbox.securityProfile, { timeout: SLOW_MS }).toBe(1);
    await shows(page().locator('.title-row'), /Online/);
    await browser.screenshot('charge-point-security-raised');
  }, PAGE_MS);

  it('is readable on a phone, the fleet and a charge point with all its controls', async () => {
    await page().setViewportSize({ width: 390, height: 844 });
    await page().getByRole('link', { name: 'Fleet' }).click();
    await page().locator(`tr[data-identity="${IDENTITY}"]`).waitFor({ timeout: SLOW_MS });
    const overflow = () => page().evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(await overflow()).toBe(0);
    await browser.screenshot('fleet-phone');

    await page().getByRole('link', { name: IDENTITY }).click();
    await section('Security').waitFor({ timeout: SLOW_MS });
    expect(await overflow()).toBe(0);
    await browser.screenshot('charge-point-phone');
  }, PAGE_MS);

});

/** The api process the system of this test started (a child of this process). */
async function apiPid(): Promise<number> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const command = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (parent === process.pid && command.includes(entryPoint('api'))) return Number(entry);
  }
  throw new Error('the api process was not found');
}

/** The power a wallbox measures now; the simulator's own MeterValues carry only the energy register. */
function powerSample(watts: number) {
  return { timestamp: new Date().toISOString(), sampledValue: [{ value: String(watts), context: 'Sample.Periodic', measurand: 'Power.Active.Import', unit: 'W' }] };
}
