import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IDENTITY_PATTERN } from '../infrastructure/params';

export class ConnectionInfoQuery {
  @ApiPropertyOptional({ description: 'a charge point identity: the answer then covers that wallbox' })
  @IsOptional()
  @Matches(IDENTITY_PATTERN, { message: 'identity must be 1 to 48 characters of letters, digits and -_.:*' })
  identity?: string;
}
