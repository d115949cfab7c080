import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CertificateHashData } from '@voltstream/ocpp';

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
