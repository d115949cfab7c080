import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import type { ReservationState } from '@voltstream/domain';
import { ChargePointFilter, IsInt32, IsPageLimit, IsQueryBoolean } from '../infrastructure/params';

export const RESERVATION_STATES: readonly ReservationState[] = ['requested', 'accepted', 'rejected', 'used', 'cancelled', 'expired'];

/** POST body of a reservation (ReserveNow); its id is handed out by the CSMS. */
export class ReserveBody {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, description: 'the connector to reserve; 0: any connector of the charge point' })
  @IsInt32(0)
  connectorId: number;

  @ApiProperty({ minLength: 1, maxLength: 20 })
  @IsString()
  @Length(1, 20)
  idTag: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when the charge point releases the reservation; in the future' })
  @IsISO8601({ strict: true })
  expiresAt: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 20, description: 'a tag with this parent may use the reservation too' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  parentIdTag?: string;
}

export class ReservationParams {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1 })
  @Type(() => Number)
  @IsInt32(1)
  id: number;
}

export class ListReservationsQuery {
  @ChargePointFilter()
  chargePoint?: string;

  @ApiPropertyOptional({ description: 'true: only open ones (requested, accepted); false: only ended ones' })
  @IsOptional()
  @IsQueryBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: RESERVATION_STATES })
  @IsOptional()
  @IsIn(RESERVATION_STATES)
  status?: ReservationState;

  @IsPageLimit()
  limit?: number;
}
