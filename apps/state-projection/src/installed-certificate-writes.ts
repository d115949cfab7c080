import type { InstalledCertificateChange } from '@voltstream/domain';
import { InstalledCertificateRow } from '@voltstream/read-models';
import type { EntityManager } from 'typeorm';

const KEY = ['chargePointIdentity', 'hashAlgorithm', 'issuerNameHash', 'issuerKeyHash', 'serialNumber'];

/** One after the other, in log order: a list replaces what an install or delete before it left. */
export async function applyInstalledCertificateChanges(manager: EntityManager, changes: InstalledCertificateChange[]): Promise<void> {
  for (const change of changes) {
    switch (change.type) {
      case 'installedCertificatesReported':
        await manager.delete(InstalledCertificateRow, { chargePointIdentity: change.chargePointIdentity, certificateType: change.certificateType });
        if (change.rows.length) await manager.upsert(InstalledCertificateRow, change.rows, KEY);
        break;
      case 'installedCertificateSaved':
        await manager.upsert(InstalledCertificateRow, [change.row], KEY);
        break;
      case 'installedCertificateRemoved':
        await manager.delete(InstalledCertificateRow, { chargePointIdentity: change.chargePointIdentity, ...change.hashData });
        break;
      default: {
        const exhaustive: never = change;
        return exhaustive;
      }
    }
  }
}
