import type { CertificateHashData, CertificateType, EventOf } from '@voltstream/contracts';

/** A certificate the CSMS believes a wallbox holds (its CertificateHashData, hex in lower case, the serial without leading zeroes). */
export interface ProjectedInstalledCertificate extends CertificateHashData {
  chargePointIdentity: string;
  certificateType: CertificateType;
  /** When the CSMS last learnt it is there (the event's recordedAt). */
  reportedAt: Date;
}

/** Applied in log order, each over what the ones before it left. */
export type InstalledCertificateChange =
  /** GetInstalledCertificateIds answered: these, and no others, of that type. */
  | { type: 'installedCertificatesReported'; chargePointIdentity: string; certificateType: CertificateType; rows: ProjectedInstalledCertificate[] }
  | { type: 'installedCertificateSaved'; row: ProjectedInstalledCertificate }
  | { type: 'installedCertificateRemoved'; chargePointIdentity: string; hashData: CertificateHashData };

type CertificateAnswer = EventOf<'CertificateInstallAnswered'> | EventOf<'InstalledCertificatesReported'> | EventOf<'CertificateDeleteAnswered'>;

/** Hash data as the read model keys it: one certificate, however a wallbox spells its hex. */
export function normalHashData({ hashAlgorithm, issuerNameHash, issuerKeyHash, serialNumber }: CertificateHashData): CertificateHashData {
  return {
    hashAlgorithm,
    issuerNameHash: issuerNameHash.toLowerCase(),
    issuerKeyHash: issuerKeyHash.toLowerCase(),
    serialNumber: serialNumber.toLowerCase().replace(/^0+(?=.)/, ''),
  };
}

/**
 * What a wallbox's answer about its certificates does to the certificates it is believed to hold:
 * a list replaces those of its type, an accepted install adds one, an accepted delete removes one.
 */
export function installedCertificateChanges(identity: string, event: CertificateAnswer): InstalledCertificateChange[] {
  const reportedAt = new Date(event.metadata.recordedAt);
  const row = (certificateType: CertificateType, hashData: CertificateHashData) => ({ chargePointIdentity: identity, certificateType, reportedAt, ...normalHashData(hashData) });
  switch (event.type) {
    case 'InstalledCertificatesReported': {
      const { certificateType, certificateHashData } = event.data;
      // A wallbox that lists one certificate twice holds it once.
      const rows = new Map(certificateHashData.map((hashData) => [JSON.stringify(normalHashData(hashData)), row(certificateType, hashData)]));
      return [{ type: 'installedCertificatesReported', chargePointIdentity: identity, certificateType, rows: [...rows.values()] }];
    }
    case 'CertificateInstallAnswered': {
      const { certificateType, certificateHashData, status } = event.data;
      return status === 'Accepted' && certificateHashData ? [{ type: 'installedCertificateSaved', row: row(certificateType, certificateHashData) }] : [];
    }
    case 'CertificateDeleteAnswered':
      return event.data.status === 'Accepted' ? [{ type: 'installedCertificateRemoved', chargePointIdentity: identity, hashData: normalHashData(event.data.certificateHashData) }] : [];
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

export function certificateOwner(change: InstalledCertificateChange): string {
  return change.type === 'installedCertificateSaved' ? change.row.chargePointIdentity : change.chargePointIdentity;
}
