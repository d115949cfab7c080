import { certificateHashData, createCertificateAuthority } from '@voltstream/certificates';
import { describe, expect, it } from 'vitest';
import { certificateAnswerEvent } from './certificate-answer-events';

const at = new Date('2026-12-05T01:00:00.000Z');
const hash = { hashAlgorithm: 'SHA256', issuerNameHash: 'aa', issuerKeyHash: 'bb', serialNumber: '1f' } as const;
const result = (payload: Record<string, unknown>) => ({ outcome: 'result' as const, payload });

describe('certificateAnswerEvent: every answer about a wallbox\'s certificates is recorded', () => {
  it('InstallCertificate: the type, the hash data of the certificate sent, and the status — Rejected too', async () => {
    const root = await createCertificateAuthority('Acme root');
    const request = { certificateType: 'ManufacturerRootCertificate', certificate: root.certPem };
    expect(await certificateAnswerEvent('CP1', 'InstallCertificate', request, result({ status: 'Rejected' }), at)).toMatchObject({
      type: 'CertificateInstallAnswered',
      data: { certificateType: 'ManufacturerRootCertificate', certificateHashData: await certificateHashData(root.certificate), status: 'Rejected' },
    });
  });

  it('InstallCertificate of a text that is no certificate (sent straight through NATS): recorded without hash data', async () => {
    const request = { certificateType: 'CentralSystemRootCertificate', certificate: 'garbage' };
    expect(await certificateAnswerEvent('CP1', 'InstallCertificate', request, result({ status: 'Rejected' }), at)).toMatchObject({ data: { certificateHashData: null } });
  });

  it('GetInstalledCertificateIds: what the wallbox listed, none for NotFound; DeleteCertificate: the hash data asked for', async () => {
    const type = { certificateType: 'CentralSystemRootCertificate' };
    expect(await certificateAnswerEvent('CP1', 'GetInstalledCertificateIds', type, result({ status: 'Accepted', certificateHashData: [hash] }), at)).toMatchObject({
      type: 'InstalledCertificatesReported',
      data: { ...type, status: 'Accepted', certificateHashData: [hash] },
    });
    expect(await certificateAnswerEvent('CP1', 'GetInstalledCertificateIds', type, result({ status: 'NotFound' }), at)).toMatchObject({ data: { certificateHashData: [] } });
    expect(await certificateAnswerEvent('CP1', 'DeleteCertificate', { certificateHashData: hash }, result({ status: 'NotFound' }), at)).toMatchObject({
      type: 'CertificateDeleteAnswered',
      data: { certificateHashData: hash, status: 'NotFound' },
    });
  });

  it('records nothing without an answer, or for another action', () => {
    expect(certificateAnswerEvent('CP1', 'DeleteCertificate', { certificateHashData: hash }, { outcome: 'timeout' }, at)).toBeUndefined();
    expect(certificateAnswerEvent('CP1', 'Reset', { type: 'Soft' }, result({ status: 'Accepted' }), at)).toBeUndefined();
  });
});
