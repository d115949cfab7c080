import { randomInt } from 'node:crypto';
import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { FileStore } from '@voltstream/nats';
import { CommandsService, type WallboxAnswer } from '../commands/commands.service';
import { notFound } from '../infrastructure/operation-failed.error';
import { CsmsLinks } from './csms-links.service';
import { FIRMWARE_IMAGES } from './file-stores';
import type { GetDiagnosticsBody, UpdateFirmwareBody } from './firmware.dto';
import { MAX_WHITEPAPER_LOCATION_LENGTH, type GetLogBody, type SignedUpdateFirmwareBody } from './security-logs-firmware.dto';

/** A request id of the whitepaper's commands, when the operator gives none. */
const newRequestId = () => randomInt(1, 2 ** 31 - 1);

/** The whitepaper allows 512 characters: a long image name can make the CSMS's own URL longer. */
function whitepaperLocation(field: string, url: string): string {
  if (url.length > MAX_WHITEPAPER_LOCATION_LENGTH) {
    throw new BadRequestException([`${field} gives a URL of ${url.length} characters, longer than the ${MAX_WHITEPAPER_LOCATION_LENGTH} SignedUpdateFirmware and GetLog allow`]);
  }
  return url;
}

/**
 * UpdateFirmware, GetDiagnostics and the security whitepaper's SignedUpdateFirmware and GetLog,
 * with the CSMS's own URLs filled in where the operator names none.
 */
@Injectable()
export class FirmwareCommands {
  constructor(
    private readonly commands: CommandsService,
    private readonly links: CsmsLinks,
    @Inject(FIRMWARE_IMAGES) private readonly images: FileStore,
  ) {}

  /** @param requestHost the host the operator reached the API by, for the image's download URL */
  async updateFirmware(identity: string, body: UpdateFirmwareBody, requestHost: string | undefined): Promise<WallboxAnswer> {
    const { image, location, retrieveDate, retries, retryInterval } = body;
    return this.commands.send(identity, { type: 'updateFirmware', location: location ?? (await this.imageUrl(image as string, requestHost)), retrieveDate, retries, retryInterval });
  }

  /** Without a location, the wallbox uploads to the CSMS's own upload URL for it. */
  getDiagnostics(identity: string, body: GetDiagnosticsBody, requestHost: string | undefined): Promise<WallboxAnswer> {
    const { location, startTime, stopTime, retries, retryInterval } = body;
    const uploadTo = location ?? this.links.diagnosticsUpload(requestHost, identity);
    return this.commands.send(identity, { type: 'getDiagnostics', location: uploadTo, startTime, stopTime, retries, retryInterval });
  }

  /** GetLog: the log goes where the diagnostics files go unless the operator names a location. @returns the answer and the request id */
  async getLog(identity: string, body: GetLogBody, requestHost: string | undefined): Promise<WallboxAnswer> {
    const { logType, location, oldestTimestamp, latestTimestamp, retries, retryInterval } = body;
    const requestId = body.requestId ?? newRequestId();
    const uploadTo = location ?? whitepaperLocation('identity', this.links.diagnosticsUpload(requestHost, identity));
    const answer = await this.commands.send(identity, { type: 'getLog', logType, requestId, location: uploadTo, oldestTimestamp, latestTimestamp, retries, retryInterval });
    return { ...answer, requestId };
  }

  /** SignedUpdateFirmware with the operator's signing certificate and signature. @returns the answer and the request id */
  async signedUpdateFirmware(identity: string, body: SignedUpdateFirmwareBody, requestHost: string | undefined): Promise<WallboxAnswer> {
    const { image, retrieveDateTime, installDateTime, signingCertificate, signature, retries, retryInterval } = body;
    const requestId = body.requestId ?? newRequestId();
    const location = body.location ?? (await this.imageUrl(image as string, requestHost, (url) => whitepaperLocation('image', url)));
    const command = { type: 'signedUpdateFirmware', requestId, location, retrieveDateTime, installDateTime, signingCertificate, signature, retries, retryInterval } as const;
    return { ...(await this.commands.send(identity, command)), requestId };
  }

  /** @param fits checks the URL before the image is looked up */
  private async imageUrl(name: string, requestHost: string | undefined, fits = (url: string) => url): Promise<string> {
    const url = fits(this.links.firmwareDownload(requestHost, name));
    if ((await this.images.info(name)) === null) throw notFound(`firmware image ${name} not found`);
    return url;
  }
}
