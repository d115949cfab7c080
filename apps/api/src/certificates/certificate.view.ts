import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CertificateHashData } from '@voltstream/ocpp';
import type { InstalledCertificateRow } from '@voltstream/read-models';

export class CertificateHashDataView implements CertificateHashData {
  @ApiProperty({ enum: ['SHA256', 'SHA384', 'SHA512'] })
  hashAlgorithm: CertificateHashData['hashAlgorithm'];

  @ApiProperty()
  issuerNameHash: string;

  @ApiProperty()
  issuerKeyHash: string;

  @ApiProperty()
  serialNumber: string;
}

/** GetInstalledCertificateIds.conf, relayed as the charge point gave it. */
export class InstalledCertificatesView {
  @ApiProperty({ example: 'Accepted', description: 'Accepted, or NotFound when it holds none of that type' })
  status: string;

  @ApiPropertyOptional({ type: [CertificateHashDataView] })
  certificateHashData?: CertificateHashDataView[];
}

/** A certificate the CSMS believes a wallbox holds, from what the wallbox answered (read model). */
export class InstalledCertificateView extends CertificateHashDataView {
  @ApiProperty({ enum: ['CentralSystemRootCertificate', 'ManufacturerRootCertificate'] })
  certificateType: string;

  @ApiProperty({ format: 'date-time', description: 'when the CSMS last learnt it is there' })
  reportedAt: string;
}

export function toInstalledCertificateView(row: InstalledCertificateRow): InstalledCertificateView {
  const { certificateType, hashAlgorithm, issuerNameHash, issuerKeyHash, serialNumber, reportedAt } = row;
  return { certificateType, hashAlgorithm, issuerNameHash, issuerKeyHash, serialNumber, reportedAt: reportedAt.toISOString() };
}
