import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The charge point's own answer, relayed as it gave it. */
export class CommandStatusView {
  @ApiProperty({ example: 'Accepted', description: 'e.g. Accepted, Rejected, Scheduled; Unlocked, UnlockFailed, NotSupported' })
  status: string;
}

export class ConfigurationKeyView {
  @ApiProperty()
  key: string;

  @ApiProperty()
  readonly: boolean;

  @ApiPropertyOptional()
  value?: string;
}

export class ConfigurationView {
  @ApiPropertyOptional({ type: [ConfigurationKeyView] })
  configurationKey?: ConfigurationKeyView[];

  @ApiPropertyOptional({ type: [String] })
  unknownKey?: string[];
}

export class PasswordRotationView {
  @ApiProperty({ type: String, nullable: true, description: 'the new HTTP Basic password, shown this once; null when its bytes are not UTF-8 text (see authorizationKey)' })
  password: string | null;

  @ApiProperty({ description: 'what the wallbox was sent: ChangeConfiguration AuthorizationKey, the hex of the password bytes' })
  authorizationKey: string;
}

/** DataTransfer.conf, relayed as the charge point gave it. */
export class DataTransferAnswerView {
  @ApiProperty({ example: 'Accepted', description: 'Accepted, Rejected, UnknownMessageId or UnknownVendorId' })
  status: string;

  @ApiPropertyOptional()
  data?: string;
}

/** TC_083: the profile the wallbox accepted, enforced from now on, and the one before. */
export class SecurityProfileRaiseView {
  @ApiProperty({ type: 'integer' })
  previousSecurityProfile: number;

  @ApiProperty({ type: 'integer' })
  securityProfile: number;
}
