import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { fileNameProblem } from '@voltstream/domain';
import { isDateTime, isUri } from '@voltstream/ocpp';
import { IsDefined, IsOptional, IsString, Length, MaxLength, ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';
import { IdentityParams, IsInt32 } from '../infrastructure/params';

/** Long enough for any real download or upload URL, short enough to bound a command. */
const MAX_LOCATION_LENGTH = 2000;

export const IsOcppUri = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isOcppUri', validator: { validate: (value) => typeof value === 'string' && isUri(value), defaultMessage: () => '$property must be an absolute URI (RFC 3986)' } }, options);

export const IsOcppDateTime = () =>
  ValidateBy({ name: 'isOcppDateTime', validator: { validate: (value) => typeof value === 'string' && isDateTime(value), defaultMessage: () => '$property must be an RFC 3339 date-time' } });

/** A file name that stays one path segment: what fileNameProblem allows. */
export const IsFileName = () =>
  ValidateBy({
    name: 'isFileName',
    validator: {
      validate: (value) => typeof value === 'string' && fileNameProblem(value) === null,
      defaultMessage: (args) => `${args?.property} ${typeof args?.value === 'string' ? fileNameProblem(args.value) : 'must be a string'}`,
    },
  });

/** How often, and how far apart, the wallbox tries again (OCPP: optional). */
export class RetriesBody {
  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  @IsOptional()
  @IsInt32(0)
  retries?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'seconds' })
  @IsOptional()
  @IsInt32(0)
  retryInterval?: number;
}

/** Where a wallbox fetches a firmware image: a `location`, or the `image` the CSMS serves, never both. */
interface ImageSource {
  location?: string;
  image?: string;
}

/** `location` of a firmware image: required unless `image` is given. */
export const ImageLocation = (maxLength: number) =>
  applyDecorators(
    ApiPropertyOptional({ maxLength, description: 'where the wallbox fetches the image; or `image`' }),
    ValidateIf((body: ImageSource) => body.image === undefined || body.location !== undefined),
    IsDefined({ message: 'location or image is required' }),
    IsString(),
    MaxLength(maxLength),
    IsOcppUri(),
  );

/** `image`: the name of an uploaded firmware image, instead of `location`. */
export const ImageName = () =>
  applyDecorators(
    ApiPropertyOptional({ description: 'an image uploaded to POST /api/firmware-images, served to the wallbox by the CSMS; instead of `location`' }),
    IsOptional(),
    IsFileName(),
    ValidateBy({
      name: 'notWithLocation',
      validator: { validate: (_, args) => (args?.object as ImageSource).location === undefined, defaultMessage: () => 'image must not be given with location' },
    }),
  );

/**
 * `location` of an upload (diagnostics, logs): optional, the CSMS's own upload URL when absent.
 * Listed bottom-up, as stacked decorators apply: a 400 names the problems in the same order.
 */
export const UploadLocation = (maxLength: number) =>
  applyDecorators(
    IsOcppUri(),
    MaxLength(maxLength),
    IsString(),
    IsOptional(),
    ApiPropertyOptional({ maxLength, description: "where the wallbox uploads; the CSMS's own upload URL for it when absent" }),
  );

/** An optional RFC 3339 date-time. */
export const OptionalDateTime = (description?: string) =>
  applyDecorators(IsOcppDateTime(), IsOptional(), ApiPropertyOptional({ format: 'date-time', description }));

export class UpdateFirmwareBody extends RetriesBody {
  @ImageLocation(MAX_LOCATION_LENGTH)
  location?: string;

  @ImageName()
  image?: string;

  @ApiProperty({ format: 'date-time', description: 'from when the wallbox may fetch the image' })
  @IsOcppDateTime()
  retrieveDate: string;
}

export class GetDiagnosticsBody extends RetriesBody {
  @UploadLocation(MAX_LOCATION_LENGTH)
  location?: string;

  @OptionalDateTime()
  startTime?: string;

  @OptionalDateTime()
  stopTime?: string;
}

export class FirmwareImageQuery {
  @ApiProperty({ maxLength: 255, description: 'the file name the image is stored and served under' })
  @IsFileName()
  name: string;

  @ApiProperty({ minLength: 1, maxLength: 50, description: 'the firmware version it installs (BootNotification firmwareVersion)' })
  @IsString()
  @Length(1, 50)
  version: string;
}

export class DiagnosticsFileParams extends IdentityParams {
  @ApiProperty({ maxLength: 255 })
  @IsFileName()
  name: string;
}

export class FirmwareDownloadParams {
  @ApiProperty({ description: 'the capability of the download URL' })
  @IsString()
  token: string;

  @ApiProperty({ maxLength: 255 })
  @IsFileName()
  name: string;
}

export class DiagnosticsUploadDirectoryParams extends IdentityParams {
  @ApiProperty({ description: 'the capability of the upload URL' })
  @IsString()
  token: string;
}

export class DiagnosticsUploadParams extends DiagnosticsUploadDirectoryParams {
  @ApiProperty({ maxLength: 255, description: 'the file name the wallbox gave' })
  @IsFileName()
  fileName: string;
}
