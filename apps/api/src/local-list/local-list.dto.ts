import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';

export class LocalListSyncBody {
  @ApiPropertyOptional({ description: 'send the full list even when a differential would do' })
  @IsOptional()
  @IsBoolean()
  full?: boolean;

  @ApiPropertyOptional({ description: 'send an empty full list (version 0): clears the wallbox list until the next change or boot' })
  @IsOptional()
  @IsBoolean()
  empty?: boolean;
}
