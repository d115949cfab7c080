import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { START_MODES } from '@voltstream/contracts';
import { CHARGE_POINT_STATES } from '../charge-points/charge-point.view';

/** What to enter into a wallbox (SPEC §3). */
export class ConnectionInfoView {
  @ApiProperty({ example: 'ws://csms.example.com:9000' })
  baseUrl: string;

  @ApiProperty({ example: 'ws://csms.example.com:9000/ocpp/{identity}' })
  urlPattern: string;

  @ApiPropertyOptional({ example: 'ws://csms.example.com:9000/ocpp/CP-1', description: 'for the identity asked about' })
  url?: string;

  @ApiProperty({ example: 'ocpp1.6' })
  subprotocol: string;

  @ApiProperty({ description: 'wss:// is served (OCPP security profile 2)' })
  tls: boolean;

  @ApiProperty({
    description:
      'the handshake must carry Authorization: Basic base64(identity:password) — for the identity asked about; ' +
      'without one, whether a wallbox not yet known needs one (it does not)',
  })
  passwordRequired: boolean;

  @ApiPropertyOptional({ enum: CHARGE_POINT_STATES, nullable: true, description: 'state of the identity asked about' })
  state?: string | null;

  @ApiPropertyOptional({
    example: 'http://csms.example.com:3000/api/uploads/diagnostics/CP-1/<token>/',
    description:
      'for the identity asked about: where it uploads diagnostics files over HTTP (PUT or POST of the raw file to this URL + the file name); ' +
      'GetDiagnostics without a location uses it. The path is the permission: keep it as secret as a password',
  })
  diagnosticsUploadUrl?: string;

  @ApiProperty({
    enum: ['pending', 'accept', 'reject'],
    description: 'UNKNOWN_CHARGE_POINTS: how a wallbox not yet adopted is answered',
  })
  unknownChargePoints: string;

  @ApiProperty({ enum: START_MODES, description: 'DEFAULT_START_MODE' })
  defaultStartMode: string;
}
