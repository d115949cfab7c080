import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** GetDiagnostics: the wallbox's answer, relayed as it gave it. */
export class DiagnosticsAnswerView {
  @ApiPropertyOptional({ description: 'the file the wallbox will upload; absent when it has no diagnostics' })
  fileName?: string;
}

/** The answer to a security whitepaper command, and the request id its notifications carry. */
class RequestAnswerView {
  @ApiProperty({ description: 'the wallbox’s answer, e.g. Accepted, Rejected' })
  status: string;

  @ApiProperty({ type: 'integer' })
  requestId: number;
}

/** GetLog: the wallbox's answer, relayed as it gave it. */
export class LogAnswerView extends RequestAnswerView {
  @ApiPropertyOptional({ description: 'the file the wallbox will upload' })
  filename?: string;
}

/** SignedUpdateFirmware: Accepted, Rejected, AcceptedCanceled, InvalidCertificate or RevokedCertificate. */
export class SignedFirmwareAnswerView extends RequestAnswerView {}

/** A file kept by the CSMS: a diagnostics file a wallbox uploaded, a firmware image. */
export class StoredFileView {
  @ApiProperty()
  name: string;

  @ApiProperty({ description: 'bytes' })
  size: number;

  @ApiProperty({ description: 'SHA-256 of the content, hex' })
  sha256: string;

  @ApiProperty({ format: 'date-time' })
  uploadedAt: string;
}

/** A diagnostics file a wallbox uploaded to the CSMS. */
export class DiagnosticsFileView extends StoredFileView {}

/** A firmware image an operator uploaded, and the URL wallboxes fetch it from. */
export class FirmwareImageView extends StoredFileView {
  @ApiProperty()
  version: string;

  @ApiProperty({ description: 'for UpdateFirmware `location`: a wallbox fetches it without a bearer token (the path is the capability)' })
  downloadUrl: string;
}
