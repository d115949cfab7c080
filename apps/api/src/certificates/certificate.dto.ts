import { ApiProperty } from '@nestjs/swagger';
import { parseCertificates } from '@voltstream/certificates';
import { CERTIFICATE_USES, HASH_ALGORITHMS, type CertificateUse, type HashAlgorithm } from '@voltstream/ocpp';
import { IsIn, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';

function isCertificatePem(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return parseCertificates(value).length === 1;
  } catch {
    return false;
  }
}

/** One PEM certificate that parses: what a wallbox can install (whitepaper: at most 5500 characters). */
function IsCertificatePem(): PropertyDecorator {
  return ValidateBy({ name: 'isCertificatePem', validator: { validate: isCertificatePem } }, { message: '$property must be one PEM X.509 certificate (-----BEGIN CERTIFICATE-----)' });
}

/** InstallCertificate (security whitepaper M05). */
export class InstallCertificateBody {
  @ApiProperty({ enum: CERTIFICATE_USES })
  @IsIn(CERTIFICATE_USES)
  certificateType: CertificateUse;

  @ApiProperty({ maxLength: 5500, description: 'one X.509 certificate, PEM' })
  @IsString()
  @MaxLength(5500)
  @IsCertificatePem()
  certificate: string;
}

/** GetInstalledCertificateIds (M03). */
export class InstalledCertificatesQuery {
  @ApiProperty({ enum: CERTIFICATE_USES })
  @IsIn(CERTIFICATE_USES)
  certificateType: CertificateUse;
}

/** DeleteCertificate (M04): the certificate's CertificateHashData, as GetInstalledCertificateIds gave it. */
export class CertificateHashDataQuery {
  @ApiProperty({ enum: HASH_ALGORITHMS })
  @IsIn(HASH_ALGORITHMS)
  hashAlgorithm: HashAlgorithm;

  @ApiProperty({ maxLength: 128, description: 'hex' })
  @Matches(/^[0-9a-fA-F]{1,128}$/, { message: '$property must be 1 to 128 hex digits' })
  issuerNameHash: string;

  @ApiProperty({ maxLength: 128, description: 'hex' })
  @Matches(/^[0-9a-fA-F]{1,128}$/, { message: '$property must be 1 to 128 hex digits' })
  issuerKeyHash: string;

  @ApiProperty({ maxLength: 40, description: 'hex, without leading zeroes' })
  @Matches(/^[0-9a-fA-F]{1,40}$/, { message: '$property must be 1 to 40 hex digits' })
  serialNumber: string;
}
