import { describe, expect, it } from 'vitest';
import { createCertificateAuthority, DAY_MS, keyPair, randomSerialNumber, signingAlgorithmOf, x509, type CertificateAuthority } from '@voltstream/certificates';
import { logUploadStatus, signedFirmwareStatus } from './procedure-status';
import { signingCertificateProblem } from './security-logs-firmware';

/** A firmware signing certificate issued by `authority`, valid from `notBefore` for `days`. */
async function signingCertificate(authority: CertificateAuthority, notBefore = new Date(Date.now() - DAY_MS), days = 30): Promise<string> {
  const keys = await keyPair('ecdsa');
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerialNumber(),
    subject: 'CN=Acme firmware signing',
    issuer: authority.certificate.subject,
    notBefore,
    notAfter: new Date(notBefore.getTime() + days * DAY_MS),
    signingKey: authority.privateKey,
    publicKey: keys.publicKey,
    signingAlgorithm: signingAlgorithmOf(authority.privateKey),
  });
  return certificate.toString('pem');
}

describe('the firmware signing certificate as the wallbox judges it (whitepaper §4.5)', () => {
  it('with ManufacturerRootCertificates installed, trusts only one that chains to them', async () => {
    const [maker, stranger] = await Promise.all([createCertificateAuthority('Acme wallbox factory'), createCertificateAuthority('Someone else')]);
    const [byMaker, byStranger] = await Promise.all([signingCertificate(maker), signingCertificate(stranger)]);
    const now = new Date();
    expect(await signingCertificateProblem(byMaker, [maker.certPem], now)).toBeUndefined();
    expect(await signingCertificateProblem(byStranger, [maker.certPem], now)).toBe('certificate 1 is not signed by a trusted issuer');
    expect(await signingCertificateProblem(byStranger, [maker.certPem, stranger.certPem], now)).toBeUndefined();
  });

  it('without any, trusts a readable certificate valid now; never an expired or unreadable one', async () => {
    const maker = await createCertificateAuthority('Acme wallbox factory');
    const now = new Date();
    expect(await signingCertificateProblem(await signingCertificate(maker), [], now)).toBeUndefined();
    const expired = await signingCertificate(maker, new Date(now.getTime() - 60 * DAY_MS), 30);
    expect(await signingCertificateProblem(expired, [], now)).toBe('unreadable or not valid now');
    expect(await signingCertificateProblem(expired, [maker.certPem], now)).toBe('unreadable or not valid now');
    expect(await signingCertificateProblem('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----', [], now)).toBe('unreadable or not valid now');
  });
});

describe('where a log upload or a signed firmware update stands (ExtendedTriggerMessage)', () => {
  it('is Idle before, the last status with its requestId while it runs, Idle again once it ended', () => {
    const log = logUploadStatus();
    expect(log.report).toEqual({ status: 'Idle' });
    expect(log.note('Uploading', 3)).toEqual({ status: 'Uploading', requestId: 3 });
    expect(log.report).toEqual({ status: 'Uploading', requestId: 3 });
    expect(log.note('Uploaded', 3)).toEqual({ status: 'Uploaded', requestId: 3 });
    expect(log.report).toEqual({ status: 'Idle' });

    const firmware = signedFirmwareStatus();
    for (const status of ['Downloading', 'Downloaded', 'SignatureVerified', 'Installing', 'InstallRebooting']) firmware.note(status, 9);
    expect(firmware.report).toEqual({ status: 'InstallRebooting', requestId: 9 });
    firmware.note('InvalidSignature', 9);
    expect(firmware.report).toEqual({ status: 'Idle' });
  });
});
