import { ArgsType, Field, Int, IntersectionType, ObjectType } from '@nestjs/graphql';
import type { LogType } from '@voltstream/ocpp';
import { GetDiagnosticsBody, RetriesBody, UpdateFirmwareBody } from '../firmware/firmware.dto';
import type { DiagnosticsAnswerView, DiagnosticsFileView, FirmwareImageView, LogAnswerView, SignedFirmwareAnswerView } from '../firmware/firmware.view';
import { GetLogBody, SignedUpdateFirmwareBody } from '../firmware/security-logs-firmware.dto';
import { IdentityArgs } from './arguments';
import { LogTypeEnum } from './enums';

/*
 * Firmware Management in GraphQL: the REST bodies with GraphQL fields added, validated by the same
 * class-validator rules and messages.
 */

@ArgsType()
class RetriesFields extends RetriesBody {
  @Field(() => Int, { nullable: true })
  override retries?: number;

  @Field(() => Int, { nullable: true, description: 'seconds' })
  override retryInterval?: number;
}

/** A charge point and how often it tries again. */
@ArgsType()
class CommandWithRetriesArgs extends IntersectionType(IdentityArgs, RetriesFields, ArgsType) {}

@ArgsType()
class UpdateFirmwareFields extends UpdateFirmwareBody {
  @Field(() => String, { nullable: true, description: 'where the wallbox fetches the image; or image' })
  override location?: string;

  @Field(() => String, { nullable: true, description: 'an uploaded firmware image, served by the CSMS; instead of location' })
  override image?: string;

  @Field({ description: 'RFC 3339: from when the wallbox may fetch the image' })
  override retrieveDate: string;
}

@ArgsType()
export class UpdateFirmwareArgs extends IntersectionType(CommandWithRetriesArgs, UpdateFirmwareFields, ArgsType) {}

@ArgsType()
class GetDiagnosticsFields extends GetDiagnosticsBody {
  @Field(() => String, { nullable: true, description: "where the wallbox uploads; the CSMS's own upload URL for it when absent" })
  override location?: string;

  @Field(() => String, { nullable: true, description: 'RFC 3339' })
  override startTime?: string;

  @Field(() => String, { nullable: true, description: 'RFC 3339' })
  override stopTime?: string;
}

@ArgsType()
export class GetDiagnosticsArgs extends IntersectionType(CommandWithRetriesArgs, GetDiagnosticsFields, ArgsType) {}

@ObjectType('DiagnosticsAnswer', { description: "GetDiagnostics: the wallbox's answer, relayed as it gave it" })
export class DiagnosticsAnswerObject implements DiagnosticsAnswerView {
  @Field(() => String, { nullable: true, description: 'the file the wallbox will upload; absent when it has no diagnostics' })
  fileName?: string;
}

@ObjectType({ isAbstract: true })
class StoredFileObject implements DiagnosticsFileView {
  @Field()
  name: string;

  @Field(() => Int, { description: 'bytes' })
  size: number;

  @Field({ description: 'SHA-256, hex' })
  sha256: string;

  @Field({ description: 'ISO 8601' })
  uploadedAt: string;
}

@ObjectType('DiagnosticsFile', { description: 'a diagnostics file a wallbox uploaded to the CSMS' })
export class DiagnosticsFileObject extends StoredFileObject {}

@ObjectType('FirmwareImage', { description: 'a firmware image an operator uploaded, served to wallboxes by the CSMS' })
export class FirmwareImageObject extends StoredFileObject implements FirmwareImageView {
  @Field()
  version: string;

  @Field({ description: 'the URL a wallbox fetches it from, without a bearer token' })
  downloadUrl: string;
}

@ArgsType()
class GetLogFields extends GetLogBody {
  @Field(() => LogTypeEnum)
  override logType: LogType;

  @Field(() => Int, { nullable: true, description: 'echoed in LogStatusNotification; the CSMS picks one when absent' })
  override requestId?: number;

  @Field(() => String, { nullable: true, description: "where the wallbox uploads; the CSMS's own upload URL for it when absent" })
  override location?: string;

  @Field(() => String, { nullable: true, description: 'RFC 3339' })
  override oldestTimestamp?: string;

  @Field(() => String, { nullable: true, description: 'RFC 3339' })
  override latestTimestamp?: string;
}

@ArgsType()
export class GetLogArgs extends IntersectionType(CommandWithRetriesArgs, GetLogFields, ArgsType) {}

@ArgsType()
class SignedUpdateFirmwareFields extends SignedUpdateFirmwareBody {
  @Field(() => Int, { nullable: true, description: 'echoed in SignedFirmwareStatusNotification; the CSMS picks one when absent' })
  override requestId?: number;

  @Field(() => String, { nullable: true, description: 'where the wallbox fetches the image; or image' })
  override location?: string;

  @Field(() => String, { nullable: true, description: 'an uploaded firmware image, served by the CSMS; instead of location' })
  override image?: string;

  @Field({ description: 'RFC 3339: from when the wallbox may fetch the image' })
  override retrieveDateTime: string;

  @Field(() => String, { nullable: true, description: 'RFC 3339: from when the wallbox may install it' })
  override installDateTime?: string;

  @Field({ description: 'the X.509 certificate (PEM) whose key signed the image' })
  override signingCertificate: string;

  @Field({ description: 'base64 of the signature of the image' })
  override signature: string;
}

@ArgsType()
export class SignedUpdateFirmwareArgs extends IntersectionType(CommandWithRetriesArgs, SignedUpdateFirmwareFields, ArgsType) {}

@ObjectType('SignedFirmwareAnswer', { description: "SignedUpdateFirmware: the wallbox's answer and the request id of its notifications" })
export class SignedFirmwareAnswerObject implements SignedFirmwareAnswerView {
  @Field({ description: 'Accepted, Rejected, AcceptedCanceled, InvalidCertificate or RevokedCertificate' })
  status: string;

  @Field(() => Int)
  requestId: number;
}

@ObjectType('LogAnswer', { description: "GetLog: the wallbox's answer and the request id of its notifications" })
export class LogAnswerObject extends SignedFirmwareAnswerObject implements LogAnswerView {
  @Field(() => String, { nullable: true, description: 'the file the wallbox will upload' })
  filename?: string;
}
