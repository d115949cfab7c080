import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Length, Matches, Max, Min } from 'class-validator';

/** OCPP's integers, and the read models' columns that hold them, are 32-bit signed. */
export const INT32_MIN = -(2 ** 31);
export const INT32_MAX = 2 ** 31 - 1;

/** An integer the read models can hold: anything else is refused naming the property, never sent to Postgres. */
export const IsInt32 = (min = INT32_MIN) => applyDecorators(IsInt(), Min(min), Max(INT32_MAX));

/** A query parameter `true` or `false`; anything else is refused naming the parameter. */
export const IsQueryBoolean = () => applyDecorators(Transform(({ value }) => ({ true: true, false: false })[String(value)] ?? value), IsBoolean());

/** How many items a page of a list holds unless the request says otherwise. */
export const DEFAULT_PAGE_SIZE = 50;

/** The optional `limit` of a paged list: 1 to 500 items. */
export const IsPageLimit = () =>
  applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: DEFAULT_PAGE_SIZE }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(500),
  );

const IDENTITY_PATTERN = /^[A-Za-z0-9\-_.:*]{1,48}$/;

/** A charge point identity as SPEC §3 allows it; the message names the property checked. */
export const IsIdentity = () => Matches(IDENTITY_PATTERN, { message: '$property must be 1 to 48 characters of letters, digits and -_.:*' });

/** `?chargePoint=`: a list of only that charge point's rows (decorators bottom-up, as stacked ones apply). */
export const ChargePointFilter = () =>
  applyDecorators(IsIdentity(), IsOptional(), ApiPropertyOptional({ description: 'identity of a charge point' }));

export class IdentityParams {
  @ApiProperty({ description: 'Charge point identity', pattern: IDENTITY_PATTERN.source })
  @IsIdentity()
  identity: string;
}

export class ConnectorParams extends IdentityParams {
  @ApiProperty({ type: 'integer', minimum: 0, description: '1…; 0 stands for the charge point as a whole where OCPP allows it' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1000)
  connectorId: number;
}

export class IdTagParams {
  @ApiProperty({ minLength: 1, maxLength: 20 })
  @Length(1, 20)
  idTag: string;
}

export class LocalTagParams extends IntersectionType(IdentityParams, IdTagParams) {}
