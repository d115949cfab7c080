import { createEvent } from '@voltstream/contracts';
import { describe, expect, it } from 'vitest';
import { project } from './project';
import { ProjectionBatch, noRows } from './batch';

const at = new Date('2026-12-05T01:00:00.000Z');
const hash = (serialNumber: string) => ({ hashAlgorithm: 'SHA256' as const, issuerNameHash: 'AB', issuerKeyHash: 'CD', serialNumber });
const row = (certificateType: string, serialNumber: string) => ({
  chargePointIdentity: 'CP-1',
  certificateType,
  hashAlgorithm: 'SHA256',
  issuerNameHash: 'ab',
  issuerKeyHash: 'cd',
  serialNumber,
  reportedAt: at,
});

describe('projection of what a wallbox answered about its certificates', () => {
  const view = new ProjectionBatch(noRows());

  it('a list replaces those of its type: hex in lower case, serials without leading zeroes, each certificate once', () => {
    const event = createEvent('InstalledCertificatesReported', { certificateType: 'ManufacturerRootCertificate', status: 'Accepted', certificateHashData: [hash('00F1'), hash('f1'), hash('2')] }, 'CP-1', at);
    expect(project(event, view)).toEqual([
      { type: 'installedCertificatesReported', chargePointIdentity: 'CP-1', certificateType: 'ManufacturerRootCertificate', rows: [row('ManufacturerRootCertificate', 'f1'), row('ManufacturerRootCertificate', '2')] },
    ]);
  });

  it('an accepted install adds the certificate sent; a refused one, or one without hash data, changes nothing', () => {
    const answered = (status: string, certificateHashData = hash('3')) =>
      project(createEvent('CertificateInstallAnswered', { certificateType: 'CentralSystemRootCertificate', certificateHashData, status }, 'CP-1', at), view);
    expect(answered('Accepted')).toEqual([{ type: 'installedCertificateSaved', row: row('CentralSystemRootCertificate', '3') }]);
    expect(answered('Rejected')).toEqual([]);
    expect(project(createEvent('CertificateInstallAnswered', { certificateType: 'CentralSystemRootCertificate', certificateHashData: null, status: 'Accepted' }, 'CP-1', at), view)).toEqual([]);
  });

  it('an accepted delete removes it; NotFound and Failed change nothing', () => {
    const answered = (status: string) => project(createEvent('CertificateDeleteAnswered', { certificateHashData: hash('03'), status }, 'CP-1', at), view);
    expect(answered('Accepted')).toEqual([{ type: 'installedCertificateRemoved', chargePointIdentity: 'CP-1', hashData: { ...hash('3'), issuerNameHash: 'ab', issuerKeyHash: 'cd' } }]);
    expect(answered('NotFound')).toEqual([]);
    expect(answered('Failed')).toEqual([]);
  });
});
