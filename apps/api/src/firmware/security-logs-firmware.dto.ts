import { X509Certificate } from 'node:crypto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LOG_TYPES, type LogType } from '@voltstream/ocpp';
import { IsBase64, IsIn, IsOptional, IsString, MaxLength, ValidateBy } from 'class-validator';
import { IsInt32 } from '../infrastructure/params';
import { ImageLocation, ImageName, IsOcppDateTime, OptionalDateTime, RetriesBody, UploadLocation } from './firmware.dto';

/** The whitepaper's limits: LogParametersType.remoteLocation and FirmwareType.location. */
export const MAX_WHITEPAPER_LOCATION_LENGTH = 512;
const MAX_SIGNING_CERTIFICATE_LENGTH = 5500;
const MAX_SIGNATURE_LENGTH = 800;

function isPemCertificate(value: unknown): boolean {
  if (typeof value !== 'string' || !value.includes('-----BEGIN CERTIFICATE-----')) return false;
  try {
    new X509Certificate(value);
    return true;
  } catch {
    return false;
  }
}

const IsPemCertificate = () =>
  ValidateBy({ name: 'isPemCertificate', validator: { validate: isPemCertificate, defaultMessage: () => '$property must be an X.509 certificate in PEM' } });

/** Links the wallbox to this command's notifications; the CSMS picks one when the operator gives none. */
class RequestIdBody extends RetriesBody {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'echoed in the wallbox’s status notifications; the CSMS picks one when absent' })
  @IsOptional()
  @IsInt32(0)
  requestId?: number;
}

export class GetLogBody extends RequestIdBody {
  @ApiProperty({ enum: LOG_TYPES })
  @IsIn(LOG_TYPES, { message: `logType must be one of ${LOG_TYPES.join(', ')}` })
  logType: LogType;

  @UploadLocation(MAX_WHITEPAPER_LOCATION_LENGTH)
  location?: string;

  @OptionalDateTime()
  oldestTimestamp?: string;

  @OptionalDateTime()
  latestTimestamp?: string;
}

/**
 * The operator gives the signing certificate and the signature: the manufacturer signs its
 * firmware (whitepaper §4), the CSMS passes them on and never holds a firmware signing key.
 */
export class SignedUpdateFirmwareBody extends RequestIdBody {
  @ImageLocation(MAX_WHITEPAPER_LOCATION_LENGTH)
  location?: string;

  @ImageName()
  image?: string;

  @ApiProperty({ format: 'date-time', description: 'from when the wallbox may fetch the image' })
  @IsOcppDateTime()
  retrieveDateTime: string;

  @OptionalDateTime('from when the wallbox may install it')
  installDateTime?: string;

  @ApiProperty({ maxLength: MAX_SIGNING_CERTIFICATE_LENGTH, description: 'the X.509 certificate (PEM) whose key signed the image' })
  @IsString()
  @MaxLength(MAX_SIGNING_CERTIFICATE_LENGTH)
  @IsPemCertificate()
  signingCertificate: string;

  @ApiProperty({ maxLength: MAX_SIGNATURE_LENGTH, description: 'base64 of the signature of the image (SHA-256 with the certificate’s RSA or ECDSA key)' })
  @IsString()
  @MaxLength(MAX_SIGNATURE_LENGTH)
  @IsBase64({}, { message: 'signature must be base64' })
  signature: string;
}
