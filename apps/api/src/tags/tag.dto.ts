import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsISO8601, IsOptional, IsString, Length, MaxLength } from 'class-validator';

/** PUT body of a tag entry (central or local list): replaces the entry; absent fields are empty. */
export class PutTagBody {
  @ApiPropertyOptional({ maxLength: 100, default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  firstName?: string;

  @ApiPropertyOptional({ maxLength: 100, default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  lastName?: string;

  @ApiPropertyOptional({ format: 'email', maxLength: 254, default: '' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ maxLength: 500, default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  info?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'after this the tag answers Expired' })
  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string | null;

  @ApiPropertyOptional({ default: false, description: 'a blocked tag answers Blocked' })
  @IsOptional()
  @IsBoolean()
  blocked?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, minLength: 1, maxLength: 20 })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  parentIdTag?: string | null;
}
