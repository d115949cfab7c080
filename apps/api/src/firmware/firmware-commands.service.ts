import { Inject, Injectable } from '@nestjs/common';
import type { FileStore } from '@voltstream/nats';
import { CommandsService, type WallboxAnswer } from '../commands/commands.service';
import { notFound } from '../infrastructure/operation-failed.error';
import { CsmsLinks } from './csms-links.service';
import { FIRMWARE_IMAGES } from './file-stores';
import type { GetDiagnosticsBody, UpdateFirmwareBody } from './firmware.dto';

/** UpdateFirmware and GetDiagnostics, with the CSMS's own URLs filled in where the operator names none. */
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

  private async imageUrl(name: string, requestHost: string | undefined): Promise<string> {
    if ((await this.images.info(name)) === null) throw notFound(`firmware image ${name} not found`);
    return this.links.firmwareDownload(requestHost, name);
  }
}
