import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIdentity } from '../infrastructure/params';

export class ConnectionInfoQuery {
  @ApiPropertyOptional({ description: 'a charge point identity: the answer then covers that wallbox' })
  @IsOptional()
  @IsIdentity()
  identity?: string;
}
